package dev.mcpfleet.runtime.spi;

import java.util.List;

/**
 * Contributes items to the server, found with {@link java.util.ServiceLoader}. Called once per
 * definition load (startup and every reload), so a provider may read its own configuration there.
 */
public interface McpProvider {

  /** Tools to serve, in the order tools/list shows them (after the manifest's). */
  default List<McpTool> tools() {
    return List.of();
  }

  /** Fixed resources. */
  default List<McpResource> resources() {
    return List.of();
  }

  /** Resource templates. */
  default List<McpResourceTemplate> resourceTemplates() {
    return List.of();
  }

  /** Prompts. */
  default List<McpPrompt> prompts() {
    return List.of();
  }
}
