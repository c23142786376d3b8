package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.transport.Exchange;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.Set;

/**
 * One JSON-RPC request being answered: the message, the revision it speaks, who sends it, the
 * definition snapshot it is served from, and the exchange its answer goes to.
 */
public final class RequestContext {

  /** Results that carry ttlMs/cacheScope in 2026-07-28. */
  private static final Set<String> CACHEABLE =
      Set.of(
          "server/discover",
          "tools/list",
          "prompts/list",
          "resources/list",
          "resources/templates/list",
          "resources/read");

  private static final java.util.concurrent.atomic.AtomicLong IDS =
      new java.util.concurrent.atomic.AtomicLong();

  private static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  private final McpServices services;
  private final Exchange exchange;
  private final JsonRpc.Message message;
  private final Revision revision;
  private final Session session;
  private final ObjectNode clientCapabilities;
  private final LogLevel logLevel;
  private final ServerDefinition definition;
  private volatile boolean cancelled;
  private volatile Thread worker;
  private volatile String outcome;
  private String requestId;

  RequestContext(
      McpServices services,
      Exchange exchange,
      JsonRpc.Message message,
      Revision revision,
      Session session,
      ObjectNode clientCapabilities,
      LogLevel logLevel) {
    this.services = services;
    this.exchange = exchange;
    this.message = message;
    this.revision = revision;
    this.session = session;
    this.clientCapabilities = clientCapabilities;
    this.logLevel = logLevel;
    this.definition = services.definitions().current();
  }

  public McpServices services() {
    return services;
  }

  public Exchange exchange() {
    return exchange;
  }

  public String method() {
    return message.method();
  }

  public JsonNode id() {
    return message.id();
  }

  /** An id for logs and audit lines, unique in this process. */
  public String requestId() {
    if (requestId == null) {
      requestId = "r-" + Long.toString(IDS.incrementAndGet(), 36);
    }
    return requestId;
  }

  public ObjectNode params() {
    return message.params();
  }

  public Revision revision() {
    return revision;
  }

  /** The legacy session, or null (2026-07-28, or sessions switched off). */
  public Session session() {
    return session;
  }

  public ServerDefinition definition() {
    return definition;
  }

  public Caller caller() {
    return exchange.caller();
  }

  public Pipeline pipeline() {
    return exchange.pipeline();
  }

  /** The log threshold of this request, or null when the client wants no log messages. */
  public LogLevel logLevel() {
    return session != null ? session.logLevel() : logLevel;
  }

  /** Whether the client declared {@code capability} (sampling, elicitation, roots, ...). */
  public boolean declares(String capability) {
    return clientCapabilities != null && clientCapabilities.has(capability);
  }

  /** {@code params._meta.progressToken}, or null. */
  public JsonNode progressToken() {
    JsonNode meta = message.meta();
    JsonNode token = meta == null ? null : meta.get("progressToken");
    return token == null || token.isNull() ? null : token;
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** Marks the request cancelled and interrupts the virtual thread running it. */
  public void cancel() {
    cancelled = true;
    Thread running = worker;
    if (running != null) {
      running.interrupt();
    }
  }

  void runningOn(Thread thread) {
    worker = thread;
  }

  /** Overrides the outcome observers see (tool_error for an isError result). */
  public void outcome(String outcome) {
    this.outcome = outcome;
  }

  /** Sends a notification on the request's stream (opening it); dropped after cancellation. */
  public void notify(String method, Json.Writer params) {
    if (!cancelled && exchange.acceptsSse()) {
      exchange.send(JsonRpc.notification(exchange.alloc(), method, params));
    }
  }

  /** Answers with {@code result}, adding what the revision requires around it. */
  public void reply(Result result) {
    if (cancelledLegacyCall()) {
      return;
    }
    exchange.describe(method(), outcome != null ? outcome : "success");
    exchange.finish(
        HttpResponseStatus.OK, JsonRpc.result(exchange.alloc(), id(), g -> writeResult(g, result)));
  }

  /** Answers with a JSON-RPC error, with the HTTP status the error calls for. */
  public void fail(McpError error) {
    if (cancelledLegacyCall()) {
      return;
    }
    exchange.describe(method(), "error");
    exchange.finish(
        HttpResponseStatus.valueOf(error.httpStatus()),
        JsonRpc.error(exchange.alloc(), id(), error));
  }

  /** A cancelled legacy call gets no response: its stream just ends. */
  private boolean cancelledLegacyCall() {
    if (cancelled && !revision.stateless()) {
      exchange.describe(method(), "cancelled");
      exchange.end();
      return true;
    }
    return false;
  }

  private void writeResult(JsonGenerator g, Result result) throws IOException {
    result.writeFields(g);
    ObjectNode meta = result.meta();
    if (!revision.stateless()) {
      if (meta != null) {
        g.writeFieldName("_meta");
        g.writeTree(meta);
      }
      return;
    }
    String type = result.resultType();
    g.writeStringField("resultType", type);
    if (CACHEABLE.contains(method()) && type.equals("complete")) {
      long ttl = method().equals("resources/read") ? 0 : services.config().listTtl().toMillis();
      g.writeNumberField("ttlMs", ttl);
      g.writeStringField(
          "cacheScope", caller().kind() == Caller.Kind.ANONYMOUS ? "public" : "private");
    }
    g.writeObjectFieldStart("_meta");
    if (meta != null) {
      for (var field : meta.properties()) {
        if (!field.getKey().equals(SERVER_INFO)) {
          g.writeFieldName(field.getKey());
          g.writeTree(field.getValue());
        }
      }
    }
    g.writeObjectFieldStart(SERVER_INFO);
    Descriptors.serverInfo(g, definition.info());
    g.writeEndObject();
    g.writeEndObject();
  }
}
