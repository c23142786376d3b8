package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.transport.Exchange;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Messages of the handshake revisions (2025-03-26 to 2025-11-25): {@code initialize} starts a
 * session, later requests name it in {@code Mcp-Session-Id} (400 without it, 404 once it ended),
 * responses answer the server's own requests, and {@code notifications/cancelled} stops a call.
 * With sessions off, each request is served on its own at the revision its header names.
 */
final class LegacyRequests {

  private final McpServices services;
  private final Dispatcher dispatcher;

  LegacyRequests(McpServices services, Dispatcher dispatcher) {
    this.services = services;
    this.dispatcher = dispatcher;
  }

  void handle(JsonRpc.Message message, Exchange exchange) {
    if (message.kind() == JsonRpc.Kind.REQUEST && "initialize".equals(message.method())) {
      initialize(message, exchange);
      return;
    }
    Resolved resolved = resolve(exchange, "POST");
    if (resolved == null) {
      return;
    }
    Session session = resolved.session();
    switch (message.kind()) {
      case RESPONSE -> {
        if (session == null) {
          McpService.bare(
              exchange,
              message.id(),
              McpError.invalidRequest(
                  "A response needs the session whose request it answers (Mcp-Session-Id)"));
          return;
        }
        session.answered(message.id(), message.response());
        exchange.describe("response", "success");
        exchange.finishEmpty(HttpResponseStatus.ACCEPTED);
      }
      case NOTIFICATION -> {
        if (session != null && "notifications/cancelled".equals(message.method())) {
          JsonNode requestId = message.params().get("requestId");
          if (requestId != null) {
            session.cancel(requestId);
          }
        }
        exchange.describe(message.method(), "success");
        exchange.finishEmpty(HttpResponseStatus.ACCEPTED);
      }
      case REQUEST -> {
        ObjectNode capabilities = session == null ? Json.object() : session.clientCapabilities();
        dispatcher.dispatch(
            new RequestContext(
                services,
                exchange,
                message,
                resolved.revision(),
                session,
                capabilities,
                LogLevel.INFO));
      }
    }
  }

  /** A JSON-RPC batch: only 2025-03-26 allowed them. */
  void batch(JsonNode batch, Exchange exchange) {
    Resolved resolved = resolve(exchange, "POST");
    if (resolved == null) {
      return;
    }
    if (!resolved.revision().allowsBatches()) {
      McpService.bare(
          exchange,
          null,
          McpError.invalidRequest(
              "JSON-RPC batches are not allowed in revision "
                  + resolved.revision().id()
                  + "; send one message per POST"));
      return;
    }
    new BatchRequests(services, dispatcher, resolved.revision(), resolved.session())
        .handle(batch, exchange);
  }

  private void initialize(JsonRpc.Message message, Exchange exchange) {
    Revision revision;
    try {
      revision = LifecycleMethods.negotiate(message.params());
    } catch (McpError e) {
      McpService.bare(exchange, message.id(), e, message.method());
      return;
    }
    ObjectNode capabilities = LifecycleMethods.capabilities(message.params());
    Session session =
        services.config().legacySessions()
            ? services.sessions().create(revision, capabilities, exchange.caller().id())
            : null;
    RequestContext ctx =
        new RequestContext(
            services, exchange, message, revision, session, capabilities, LogLevel.INFO);
    ctx.reply(LifecycleMethods.initialize(ctx, revision, session));
  }

  /** The revision and session of a non-initialize message. */
  record Resolved(Revision revision, Session session) {}

  /** Resolves the request's session, or answers the error and returns null. */
  Resolved resolve(Exchange exchange, String httpMethod) {
    String header = exchange.requestHeaders().get(StatelessRules.VERSION_HEADER);
    boolean post = httpMethod.equals("POST");
    if (!services.config().legacySessions()
        || (!post && header != null && Revision.legacy(header).isEmpty())) {
      if (!post) {
        exchange.header("Allow", "POST");
        McpService.bare(
            exchange,
            null,
            new McpError(
                McpError.INVALID_REQUEST,
                httpMethod
                    + " is not served: this server keeps no sessions; send requests with POST",
                null,
                405));
        return null;
      }
      Revision revision =
          header == null ? Revision.DEFAULT_LEGACY : Revision.legacy(header).orElse(null);
      if (revision == null) {
        McpService.bare(
            exchange,
            null,
            McpError.invalidRequest("Unsupported MCP-Protocol-Version '" + header + "'"));
        return null;
      }
      return new Resolved(revision, null);
    }
    String id = exchange.requestHeaders().get(McpService.SESSION_HEADER);
    if (id == null) {
      McpService.bare(
          exchange,
          null,
          McpError.invalidRequest(
              "Missing Mcp-Session-Id header: send initialize first, then the session id it returns"
                  + " on every request"));
      return null;
    }
    Session session = services.sessions().find(id);
    if (session == null || !session.callerId().equals(exchange.caller().id())) {
      McpService.bare(
          exchange,
          null,
          new McpError(
              McpError.INVALID_REQUEST,
              "Session not found: it ended or expired; send initialize to start a new one",
              null,
              404));
      return null;
    }
    // A header naming another revision we speak is tolerated (some clients send their default
    // rather than the negotiated one); the session's negotiated revision governs. Unknown values
    // never get here: they select the 2026-07-28 rules, which refuse them.
    return new Resolved(session.revision(), session);
  }

  /** The session of a GET or DELETE, or null when the error was answered. */
  Session sessionFor(Exchange exchange, String httpMethod) {
    Resolved resolved = resolve(exchange, httpMethod);
    return resolved == null ? null : resolved.session();
  }
}
