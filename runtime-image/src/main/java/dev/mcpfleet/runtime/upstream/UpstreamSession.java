package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's client session with the upstream over one transport: numbers the requests, routes
 * what the server sends to the call it belongs to, and answers the server's requests that belong to
 * none.
 *
 * <p>Over HTTP every message arrives tied to its request. Over stdio nothing on the wire says which
 * call a log message or a question (elicitation, sampling, roots) belongs to: the session gives it
 * to the one tool call, resource read or prompt in flight, and when several are in flight it cannot
 * tell, so questions are refused (never shown to the wrong user) and log messages go to the
 * runtime's log. Progress carries the token the session set per request, so it always finds its
 * call.
 */
final class UpstreamSession implements UpstreamTransport.Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSession.class);
  private static final Logger UPSTREAM_LOG =
      LoggerFactory.getLogger("dev.mcpfleet.runtime.upstream");

  /** Requests from the server that a client's call answers. */
  static final Set<String> QUESTIONS =
      Set.of("elicitation/create", "sampling/createMessage", "roots/list");

  private static final String TOKEN_PREFIX = "mcp-fleet-";

  /** Hears what concerns the whole session. */
  interface Listener {

    /** The server's list of {@code kind} (tools, resources or prompts) changed. */
    void listChanged(String kind);

    /** The session is over: the transport ended. */
    void ended(String why);
  }

  private final UpstreamTransport transport;
  private final Listener listener;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, UpstreamCall> pending = new ConcurrentHashMap<>();
  private volatile String endedBecause;

  UpstreamSession(UpstreamTransport transport, Listener listener) {
    this.transport = transport;
    this.listener = listener;
  }

  void start() throws IOException {
    transport.start(this);
  }

  UpstreamTransport transport() {
    return transport;
  }

  /**
   * Sends a request. {@code item} marks a tool call, resource read or prompt expansion: a call a
   * client waits for, which may be asked questions and report progress.
   */
  UpstreamCall open(String method, ObjectNode params, boolean item) throws IOException {
    String ended = endedBecause;
    if (ended != null) {
      throw new IOException(ended);
    }
    long id = ids.incrementAndGet();
    ObjectNode request = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
    ObjectNode sent = params.deepCopy();
    if (item) {
      ObjectNode meta =
          sent.get("_meta") instanceof ObjectNode existing ? existing : sent.putObject("_meta");
      meta.put("progressToken", TOKEN_PREFIX + id);
    }
    request.set("params", sent);
    UpstreamCall call = new UpstreamCall(this, id, method, item);
    pending.put(id, call);
    try {
      call.abortWith(transport.request(request, new Related(call)));
    } catch (IOException e) {
      pending.remove(id);
      throw e;
    }
    return call;
  }

  /** Sends a notification. */
  void notify(String method, ObjectNode params) throws IOException {
    ObjectNode message = Json.object().put("jsonrpc", "2.0").put("method", method);
    message.set("params", params);
    transport.send(message);
  }

  /** Tells the server that nobody waits for {@code call} any more, and forgets it. */
  void cancel(UpstreamCall call, String reason) {
    forget(call);
    try {
      notify(
          "notifications/cancelled",
          Json.object().put("requestId", call.id()).put("reason", reason));
    } catch (IOException e) {
      LOG.debug("could not tell the upstream about a cancelled request: {}", e.getMessage());
    }
  }

  void forget(UpstreamCall call) {
    pending.remove(call.id());
    call.abort();
  }

  /** Answers a request of the server. */
  void respond(JsonNode id, JsonNode result) {
    ObjectNode response = Json.object().put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result == null || result.isMissingNode() ? Json.object() : result);
    sendQuietly(response);
  }

  /** Refuses a request of the server. */
  void refuse(JsonNode id, int code, String message) {
    ObjectNode response = Json.object().put("jsonrpc", "2.0");
    response.set("id", id);
    response.putObject("error").put("code", code).put("message", message);
    sendQuietly(response);
  }

  private void sendQuietly(ObjectNode message) {
    try {
      transport.send(message);
    } catch (IOException e) {
      LOG.debug("could not answer the upstream: {}", e.getMessage());
    }
  }

  @Override
  public void message(JsonNode message) {
    route(message, null);
  }

  @Override
  public void closed(String why) {
    endedBecause = why;
    List.copyOf(pending.values()).forEach(call -> call.failed(why));
    pending.clear();
    listener.ended(why);
  }

  /** Routes one message of the server; {@code related} is its call when the transport knows it. */
  private void route(JsonNode message, UpstreamCall related) {
    String method = Json.text(message, "method");
    JsonNode id = message.get("id");
    if (method == null) {
      UpstreamCall call = id != null && id.canConvertToLong() ? pending.get(id.asLong()) : null;
      if (call != null) {
        call.deliver(message);
      }
      return;
    }
    JsonNode params = message.path("params");
    if (id == null) {
      notification(method, params, message, related);
    } else {
      request(method, id, message, related);
    }
  }

  private void notification(
      String method, JsonNode params, JsonNode message, UpstreamCall related) {
    switch (method) {
      case "notifications/progress" -> {
        UpstreamCall call = byToken(params.path("progressToken").asText(""));
        if (call != null) {
          call.deliver(message);
        }
      }
      case "notifications/message" -> {
        UpstreamCall call = related != null ? related : soleItem();
        if (call != null) {
          call.deliver(message);
        } else {
          logLocally(params);
        }
      }
      case "notifications/tools/list_changed" -> listener.listChanged("tools");
      case "notifications/resources/list_changed" -> listener.listChanged("resources");
      case "notifications/prompts/list_changed" -> listener.listChanged("prompts");
      default -> LOG.debug("upstream notification {} not relayed", method);
    }
  }

  private void request(String method, JsonNode id, JsonNode message, UpstreamCall related) {
    if (method.equals("ping")) {
      respond(id, Json.object());
      return;
    }
    if (!QUESTIONS.contains(method)) {
      refuse(id, -32601, "Method not found: the MCP Fleet runtime does not answer " + method);
      return;
    }
    UpstreamCall call = related != null ? related : soleItem();
    if (call != null) {
      call.deliver(message);
    } else if (method.equals("roots/list")) {
      // Asked outside any call: the runtime serves many clients and shares no client's roots.
      respond(id, Json.object().set("roots", Json.NODES.arrayNode()));
    } else {
      refuse(
          id,
          -32603,
          method
              + " must be sent while a tool call, resource read or prompt is in flight, and"
              + " only one: the runtime cannot tell which client should answer");
    }
  }

  private UpstreamCall byToken(String token) {
    if (!token.startsWith(TOKEN_PREFIX)) {
      return null;
    }
    try {
      return pending.get(Long.parseLong(token.substring(TOKEN_PREFIX.length())));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The one item call in flight, or null when there is none or more than one. */
  private UpstreamCall soleItem() {
    UpstreamCall found = null;
    for (UpstreamCall call : pending.values()) {
      if (call.item()) {
        if (found != null) {
          return null;
        }
        found = call;
      }
    }
    return found;
  }

  private static void logLocally(JsonNode params) {
    String level = params.path("level").asText("info");
    String text = params.path("logger").asText("upstream") + ": " + params.path("data");
    switch (level) {
      case "debug" -> UPSTREAM_LOG.debug(text);
      case "info", "notice" -> UPSTREAM_LOG.info(text);
      case "warning" -> UPSTREAM_LOG.warn(text);
      default -> UPSTREAM_LOG.error(text);
    }
  }

  /** What the transport delivers for one request: routed with the request as its call. */
  private final class Related implements UpstreamTransport.Inbound {
    private final UpstreamCall call;

    Related(UpstreamCall call) {
      this.call = call;
    }

    @Override
    public void message(JsonNode message) {
      route(message, call);
    }

    @Override
    public void closed(String why) {
      pending.remove(call.id());
      call.failed(why);
    }
  }
}
