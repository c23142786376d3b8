package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.declarative.ManifestItems;
import dev.mcpfleet.runtime.definition.ServerDefinition.ServerInfo;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import java.util.List;

/**
 * What the fronted server offers, as items the runtime serves: one snapshot per listing, replaced
 * whole when the server says a list changed or after it restarted.
 *
 * @param info the server's identity and instructions, as it gave them in its initialize result
 */
record Catalog(
    ServerInfo info,
    List<McpTool> tools,
    List<McpResource> resources,
    List<McpResourceTemplate> templates,
    List<McpPrompt> prompts) {

  Catalog {
    tools = List.copyOf(tools);
    resources = List.copyOf(resources);
    templates = List.copyOf(templates);
    prompts = List.copyOf(prompts);
  }

  /** Nothing yet: the server has not been listed. */
  static Catalog empty(ServerInfo info) {
    return new Catalog(info, List.of(), List.of(), List.of(), List.of());
  }

  /** The catalog as the items the definition loader serves. */
  ManifestItems items() {
    return new ManifestItems(info, tools, resources, templates, prompts, List.of());
  }
}
