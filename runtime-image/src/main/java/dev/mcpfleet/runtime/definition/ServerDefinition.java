package dev.mcpfleet.runtime.definition;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.template.UriTemplateMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one runtime serves, as one immutable snapshot: built from the manifest and the SPI
 * providers at startup and on every reload, then swapped in atomically ({@link Definitions}).
 *
 * @param manifest the McpServer it was built from (its spec configures the layers)
 * @param info what the server says about itself
 * @param tools tools in tools/list order
 * @param resources fixed resources in resources/list order
 * @param resourceTemplates templates in resources/templates/list order
 * @param prompts prompts in prompts/list order
 * @param templateMatchers one compiled URI matcher per resource template, in the same order
 */
public record ServerDefinition(
    McpServer manifest,
    ServerInfo info,
    List<McpTool> tools,
    List<McpResource> resources,
    List<McpResourceTemplate> resourceTemplates,
    List<McpPrompt> prompts,
    Map<String, McpTool> toolsByName,
    Map<String, McpResource> resourcesByUri,
    Map<String, McpPrompt> promptsByName,
    List<UriTemplateMatcher> templateMatchers) {

  public ServerDefinition(
      McpServer manifest,
      ServerInfo info,
      List<McpTool> tools,
      List<McpResource> resources,
      List<McpResourceTemplate> resourceTemplates,
      List<McpPrompt> prompts) {
    this(
        manifest,
        info,
        List.copyOf(tools),
        List.copyOf(resources),
        List.copyOf(resourceTemplates),
        List.copyOf(prompts),
        index(tools, t -> t.descriptor().name()),
        index(resources, r -> r.descriptor().uri()),
        index(prompts, p -> p.descriptor().name()),
        resourceTemplates.stream().map(ServerDefinition::matcher).toList());
  }

  /**
   * A resource template that a URI matches, with the URI's variables.
   *
   * @param template the first template (in list order) whose URI template matches
   * @param variables the variables' values, percent-decoded
   */
  public record TemplateMatch(McpResourceTemplate template, Map<String, String> variables) {}

  /**
   * The resource template that {@code uri} belongs to, or null when none matches (fixed resources
   * are looked up first, in {@link #resourcesByUri()}). Matchers are compiled once per snapshot.
   */
  public TemplateMatch matchTemplate(String uri) {
    for (int i = 0; i < templateMatchers.size(); i++) {
      Map<String, String> variables = templateMatchers.get(i).match(uri);
      if (variables != null) {
        return new TemplateMatch(resourceTemplates.get(i), variables);
      }
    }
    return null;
  }

  /**
   * What the server says about itself (serverInfo and instructions).
   *
   * @param name serverInfo.name
   * @param version serverInfo.version
   * @param title display name, or null
   * @param description description, or null
   * @param instructions instructions for the model, or null
   * @param icons icons, possibly empty
   */
  public record ServerInfo(
      String name,
      String version,
      String title,
      String description,
      String instructions,
      List<ToolDescriptor.Icon> icons) {

    public ServerInfo {
      icons = icons == null ? List.of() : List.copyOf(icons);
    }
  }

  private static UriTemplateMatcher matcher(McpResourceTemplate template) {
    try {
      return new UriTemplateMatcher(template.descriptor().uriTemplate());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "resource template '"
              + template.descriptor().uriTemplate()
              + "' is not a valid RFC 6570 template: "
              + e.getMessage(),
          e);
    }
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T item : items) {
      if (byKey.putIfAbsent(key.apply(item), item) != null) {
        throw new IllegalArgumentException("'" + key.apply(item) + "' is defined twice");
      }
    }
    return Map.copyOf(byKey);
  }
}
