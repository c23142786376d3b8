package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The per-request rules of 2026-07-28: the required {@code _meta} fields, the version, and the
 * headers that mirror the body ({@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code
 * Mcp-Name}). Header/body mismatches are checked before the version, as the transport requires.
 */
final class StatelessRules {

  static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  /**
   * What the rules established.
   *
   * @param capabilities the client's declared capabilities
   * @param logLevel the requested log threshold, or null for no log messages
   */
  record Checked(ObjectNode capabilities, LogLevel logLevel) {}

  private StatelessRules() {}

  static Checked check(JsonRpc.Message message, HttpHeaders headers) {
    String header = headers.get(VERSION_HEADER);
    if (header == null) {
      throw McpError.headerMismatch(
          "Missing MCP-Protocol-Version header; it must equal _meta " + PROTOCOL_VERSION);
    }
    JsonNode meta = message.meta();
    if (meta == null) {
      throw McpError.malformedParams(
          "params._meta is required: add " + PROTOCOL_VERSION + " and " + CLIENT_CAPABILITIES);
    }
    JsonNode version = meta.get(PROTOCOL_VERSION);
    if (version == null || !version.isTextual()) {
      throw McpError.malformedParams(
          "params._meta." + PROTOCOL_VERSION + " is required (a string)");
    }
    JsonNode capabilities = meta.get(CLIENT_CAPABILITIES);
    if (capabilities == null || !capabilities.isObject()) {
      throw McpError.malformedParams(
          "params._meta." + CLIENT_CAPABILITIES + " is required (an object, {} when none)");
    }
    if (!header.equals(version.asText())) {
      throw McpError.headerMismatch(
          "Header MCP-Protocol-Version '"
              + header
              + "' does not match _meta "
              + PROTOCOL_VERSION
              + " '"
              + version.asText()
              + "'");
    }
    if (Revision.of(version.asText()).filter(Revision::stateless).isEmpty()) {
      throw McpError.unsupportedVersion(version.asText(), Revision.STATELESS_IDS);
    }
    mirrored(headers, "Mcp-Method", message.method());
    String name = nameOf(message);
    if (name != null) {
      mirrored(headers, "Mcp-Name", name);
    }
    LogLevel level = null;
    JsonNode wanted = meta.get(LOG_LEVEL);
    if (wanted != null) {
      level = LogLevel.parse(wanted.asText());
      if (level == null) {
        throw McpError.malformedParams(
            "params._meta."
                + LOG_LEVEL
                + " '"
                + wanted.asText()
                + "' is not a log level (debug … emergency)");
      }
    }
    return new Checked((ObjectNode) capabilities, level);
  }

  /** The body value {@code Mcp-Name} mirrors, or null when the method has none. */
  private static String nameOf(JsonRpc.Message message) {
    String field =
        switch (message.method()) {
          case "tools/call", "prompts/get" -> "name";
          case "resources/read" -> "uri";
          default -> null;
        };
    return field == null ? null : Json.text(message.params(), field);
  }

  private static void mirrored(HttpHeaders headers, String header, String bodyValue) {
    String raw = headers.get(header);
    if (raw == null) {
      throw McpError.headerMismatch(
          "Missing " + header + " header; it must be '" + bodyValue + "'");
    }
    String value = HeaderValues.decode(header, raw);
    if (!value.equals(bodyValue)) {
      throw McpError.headerMismatch(
          "Header mismatch: "
              + header
              + " '"
              + value
              + "' does not match body value '"
              + bodyValue
              + "'");
    }
  }
}
