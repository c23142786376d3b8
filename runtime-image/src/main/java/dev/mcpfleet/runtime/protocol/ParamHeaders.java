package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import io.netty.handler.codec.http.HttpHeaders;
import java.math.BigDecimal;

/**
 * 2026-07-28 {@code x-mcp-header}: a tool parameter so marked in its input schema is mirrored by
 * the client into {@code Mcp-Param-{Name}}, and the header must match the argument (HTTP 400,
 * -32020 otherwise), so intermediaries that route on it see the truth.
 */
final class ParamHeaders {

  private static final String MARK = "x-mcp-header";

  private ParamHeaders() {}

  static void check(ToolDescriptor tool, ObjectNode arguments, HttpHeaders headers) {
    if (tool.inputSchema() != null) {
      walk(tool.inputSchema().get("properties"), arguments, headers);
    }
  }

  /** Visits the statically reachable properties ({@code properties} chains, never items). */
  private static void walk(JsonNode properties, JsonNode values, HttpHeaders headers) {
    if (properties == null || !properties.isObject()) {
      return;
    }
    for (var property : properties.properties()) {
      JsonNode schema = property.getValue();
      JsonNode value = values == null ? null : values.get(property.getKey());
      JsonNode mark = schema.get(MARK);
      if (mark != null && mark.isTextual()) {
        compare("Mcp-Param-" + mark.asText(), value, headers);
      }
      if (value != null && value.isObject()) {
        walk(schema.get("properties"), value, headers);
      }
    }
  }

  private static void compare(String header, JsonNode value, HttpHeaders headers) {
    String raw = headers.get(header);
    boolean present = value != null && !value.isNull();
    if (raw == null) {
      if (present) {
        throw McpError.headerMismatch(
            "Missing " + header + " header: the tool's input schema mirrors this argument into it");
      }
      return;
    }
    String decoded = HeaderValues.decode(header, raw);
    if (!present || !matches(decoded, value)) {
      throw McpError.headerMismatch(
          "Header mismatch: " + header + " '" + decoded + "' does not match the argument's value");
    }
  }

  private static boolean matches(String header, JsonNode value) {
    if (value.isNumber()) {
      try {
        return new BigDecimal(header).compareTo(value.decimalValue()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return header.equals(value.asText());
  }
}
