package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of a tool call.
 *
 * @param content the content blocks
 * @param structuredContent structured result conforming to the tool's output schema, or null
 * @param isError true for a tool execution error the model should see
 * @param meta the result's {@code _meta} object (e.g. the guide's error classification under {@code
 *     dev.mcpfleet/error}, or {@code dev.mcpfleet/degraded} for a cached answer served while the
 *     upstream is down), or null
 */
public record ToolResult(
    List<Content> content, JsonNode structuredContent, boolean isError, ObjectNode meta) {

  public ToolResult {
    content = List.copyOf(content);
  }

  /** A result without {@code _meta}. */
  public ToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {
    this(content, structuredContent, isError, null);
  }

  /** The same result with this {@code _meta} object. */
  public ToolResult withMeta(ObjectNode meta) {
    return new ToolResult(content, structuredContent, isError, meta);
  }

  /** A successful result of one text block. */
  public static ToolResult text(String text) {
    return new ToolResult(List.of(new Content.Text(text, null)), null, false);
  }

  /** A tool execution error of one text block, e.g. "City 'Atlantis' is unknown". */
  public static ToolResult error(String message) {
    return new ToolResult(List.of(new Content.Text(message, null)), null, true);
  }
}
