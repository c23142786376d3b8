package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.transport.Exchange;
import dev.mcpfleet.runtime.transport.McpEndpoint;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;

/**
 * The MCP endpoint: reads each POSTed message once, picks the revision it speaks by the dual-era
 * rules, checks that revision's rules and dispatches it. GET and DELETE serve legacy sessions.
 *
 * <p>Dual-era rules: a message whose {@code _meta} names a protocol version, or whose {@code
 * MCP-Protocol-Version} header names no handshake revision, is 2026-07-28 and handled statelessly
 * ({@code Mcp-Session-Id} ignored). Otherwise it is legacy: {@code initialize} starts a session,
 * and later messages name it.
 */
public final class McpService implements McpEndpoint {

  static final String SESSION_HEADER = "Mcp-Session-Id";

  private final McpServices services;
  private final Dispatcher dispatcher;
  private final LegacyRequests legacy;

  public McpService(McpServices services) {
    this.services = services;
    this.dispatcher = Routes.dispatcher(services);
    this.legacy = new LegacyRequests(services, dispatcher);
  }

  @Override
  public void post(ByteBuf body, Exchange exchange) {
    JsonNode node;
    try {
      if (!body.isReadable()) {
        throw McpError.parse("The request body is empty; send one JSON-RPC message");
      }
      node = Json.parse(body);
    } catch (JsonProcessingException e) {
      bare(exchange, null, McpError.parse("Malformed JSON: " + e.getOriginalMessage()));
      return;
    } catch (IOException e) {
      bare(exchange, null, McpError.parse("Unreadable body: " + e.getMessage()));
      return;
    } catch (McpError e) {
      bare(exchange, null, e);
      return;
    }
    if (node.isArray()) {
      legacy.batch(node, exchange);
      return;
    }
    JsonRpc.Message message;
    try {
      message = JsonRpc.read(node);
    } catch (McpError e) {
      JsonNode id = node.get("id");
      bare(exchange, id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null, e);
      return;
    }
    if (speaksStateless(message, exchange)) {
      stateless(message, exchange);
    } else {
      legacy.handle(message, exchange);
    }
  }

  private static boolean speaksStateless(JsonRpc.Message message, Exchange exchange) {
    JsonNode meta = message.meta();
    if (meta != null && meta.has(StatelessRules.PROTOCOL_VERSION)) {
      return true;
    }
    if (message.kind() == JsonRpc.Kind.REQUEST && "initialize".equals(message.method())) {
      return false;
    }
    String header = exchange.requestHeaders().get(StatelessRules.VERSION_HEADER);
    return header != null && Revision.legacy(header).isEmpty();
  }

  private void stateless(JsonRpc.Message message, Exchange exchange) {
    switch (message.kind()) {
      case RESPONSE ->
          bare(
              exchange,
              message.id(),
              McpError.invalidRequest(
                  "2026-07-28 clients send no JSON-RPC responses; answer input requests by retrying"
                      + " the request with inputResponses"));
      case NOTIFICATION -> {
        exchange.describe(message.method(), "success");
        exchange.finishEmpty(HttpResponseStatus.ACCEPTED);
      }
      case REQUEST -> {
        StatelessRules.Checked checked;
        try {
          checked = StatelessRules.check(message, exchange.requestHeaders());
        } catch (McpError e) {
          bare(exchange, message.id(), e, message.method());
          return;
        }
        dispatcher.dispatch(
            new RequestContext(
                services,
                exchange,
                message,
                Revision.V2026_07_28,
                null,
                checked.capabilities(),
                checked.logLevel()));
      }
    }
  }

  /** GET: a legacy session's server-to-client stream. */
  @Override
  public void get(Exchange exchange) {
    Session session = legacy.sessionFor(exchange, "GET");
    if (session == null) {
      return;
    }
    if (!session.openStream(exchange)) {
      bare(
          exchange,
          null,
          new McpError(
              McpError.INVALID_REQUEST,
              "This session's GET stream is already open; one per session",
              null,
              409));
      return;
    }
    exchange.describe("GET stream", "success");
    exchange.openStream();
  }

  /** DELETE: ends a legacy session. */
  @Override
  public void delete(Exchange exchange) {
    Session session = legacy.sessionFor(exchange, "DELETE");
    if (session == null) {
      return;
    }
    services.sessions().end(session.id());
    exchange.describe("DELETE session", "success");
    exchange.finishEmpty(HttpResponseStatus.OK);
  }

  /** Answers with an error outside any request context. */
  static void bare(Exchange exchange, JsonNode id, McpError error) {
    bare(exchange, id, error, null);
  }

  static void bare(Exchange exchange, JsonNode id, McpError error, String method) {
    exchange.describe(method, "error");
    exchange.finish(
        HttpResponseStatus.valueOf(error.httpStatus() == 200 ? 400 : error.httpStatus()),
        JsonRpc.error(exchange.alloc(), id, error));
  }
}
