package dev.mcpfleet.runtime.declarative;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.runtime.declarative.http.HttpToolFactory;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.ServerDefinition.ServerInfo;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import java.util.ArrayList;
import java.util.List;

/**
 * What a validated spec's server section offers, built as SPI items: text and HTTP tools, static
 * resources, resource templates and prompts, in manifest order.
 *
 * @param problems what the environment lacks (unset Secret/ConfigMap variables); when not empty,
 *     the items must not be served
 */
public record ManifestItems(
    ServerInfo info,
    List<McpTool> tools,
    List<McpResource> resources,
    List<McpResourceTemplate> resourceTemplates,
    List<McpPrompt> prompts,
    List<Problem> problems) {

  /** Builds the items of {@code spec}, which {@code SpecValidator} found valid. */
  public static ManifestItems of(McpServerSpec spec, HttpToolSettings settings) {
    ServerSpec server = spec.server();
    List<Problem> problems = new ArrayList<>();
    HttpToolFactory http = new HttpToolFactory(settings, spec);
    List<McpTool> tools = new ArrayList<>();
    List<ToolSpec> declared = orEmpty(server.tools());
    for (int i = 0; i < declared.size(); i++) {
      ToolSpec tool = declared.get(i);
      tools.add(
          tool.text() != null
              ? new TextTool(tool)
              : http.create(
                  tool,
                  SpecMappings.tool(tool),
                  SpecMappings.defaults(tool.inputSchema()),
                  "spec.server.tools[" + i + "]",
                  problems));
    }
    return new ManifestItems(
        new ServerInfo(
            server.name(),
            server.version() == null ? ServerSpec.DEFAULT_VERSION : server.version(),
            server.title(),
            server.description(),
            server.instructions(),
            SpecMappings.icons(server.icons())),
        List.copyOf(tools),
        orEmpty(server.resources()).stream().map(r -> (McpResource) new StaticResource(r)).toList(),
        orEmpty(server.resourceTemplates()).stream()
            .map(t -> (McpResourceTemplate) new DeclaredResourceTemplate(t))
            .toList(),
        orEmpty(server.prompts()).stream().map(p -> (McpPrompt) new DeclaredPrompt(p)).toList(),
        List.copyOf(problems));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
