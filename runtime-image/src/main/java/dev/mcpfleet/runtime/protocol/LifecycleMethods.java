package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.protocol.session.Session;

/** initialize, ping and logging/setLevel (legacy); server/discover (2026-07-28). */
final class LifecycleMethods {

  private LifecycleMethods() {}

  static final Method PING = ctx -> Result.EMPTY;

  static final Method SET_LEVEL =
      ctx -> {
        String wire = Json.text(ctx.params(), "level");
        LogLevel level = LogLevel.parse(wire);
        if (level == null) {
          throw McpError.invalidParams(
              "logging/setLevel params.level must be one of debug, info, notice, warning, error,"
                  + " critical, alert, emergency");
        }
        if (ctx.session() != null) {
          ctx.session().logLevel(level);
        }
        return Result.EMPTY;
      };

  static final Method DISCOVER =
      ctx -> {
        ServerDefinition.ServerInfo info = ctx.definition().info();
        return g -> {
          g.writeArrayFieldStart("supportedVersions");
          for (String version : Revision.STATELESS_IDS) {
            g.writeString(version);
          }
          g.writeEndArray();
          Capabilities.write(g);
          Descriptors.optional(g, "instructions", info.instructions());
        };
      };

  /**
   * Negotiates the revision (the client's when the runtime speaks it, else the newest legacy one)
   * and, with sessions on, starts a session whose id travels in {@code Mcp-Session-Id}.
   */
  static Result initialize(RequestContext ctx, Revision revision, Session session) {
    ServerDefinition.ServerInfo info = ctx.definition().info();
    if (session != null) {
      ctx.exchange().header("Mcp-Session-Id", session.id());
    }
    return g -> {
      g.writeStringField("protocolVersion", revision.id());
      Capabilities.write(g);
      g.writeObjectFieldStart("serverInfo");
      Descriptors.serverInfo(g, info);
      g.writeEndObject();
      Descriptors.optional(g, "instructions", info.instructions());
    };
  }

  /** The revision an initialize request asks for, and what the server answers with. */
  static Revision negotiate(JsonNode params) {
    String requested = Json.text(params, "protocolVersion");
    if (requested == null) {
      throw McpError.invalidParams("initialize needs params.protocolVersion");
    }
    return Revision.legacy(requested).orElse(Revision.LATEST_LEGACY);
  }

  /** The capabilities an initialize request declares ({} when none). */
  static ObjectNode capabilities(JsonNode params) {
    JsonNode capabilities = params.get("capabilities");
    return capabilities != null && capabilities.isObject()
        ? (ObjectNode) capabilities
        : Json.object();
  }
}
