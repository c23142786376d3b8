package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The result of a tool call.
 *
 * @param content the content blocks
 * @param structuredContent structured result conforming to the tool's output schema, or null
 * @param isError true for a tool execution error the model should see
 */
public record ToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {

  public ToolResult {
    content = List.copyOf(content);
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
