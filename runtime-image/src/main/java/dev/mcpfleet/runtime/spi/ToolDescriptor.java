package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A tool as tools/list shows it.
 *
 * @param name unique name, 1-128 characters of {@code [A-Za-z0-9_.-]}
 * @param title display name, or null
 * @param description what the tool does, for the model
 * @param inputSchema JSON Schema of the arguments ({@code type: object})
 * @param outputSchema JSON Schema of {@code structuredContent}, or null
 * @param annotations MCP tool annotations (readOnlyHint, ...), or null
 * @param icons icons, possibly empty
 * @param idempotent calls may be retried (idempotentHint)
 */
public record ToolDescriptor(
    String name,
    String title,
    String description,
    ObjectNode inputSchema,
    ObjectNode outputSchema,
    ObjectNode annotations,
    List<Icon> icons,
    boolean idempotent) {

  public ToolDescriptor {
    icons = icons == null ? List.of() : List.copyOf(icons);
  }

  /** An icon: URL or data URI, MIME type, sizes and theme (light/dark), each optional but src. */
  public record Icon(String src, String mimeType, List<String> sizes, String theme) {}
}
