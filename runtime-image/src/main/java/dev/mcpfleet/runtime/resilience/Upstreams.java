package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.runtime.spi.McpTool;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which upstream each tool depends on, so that one failing API opens one breaker for every tool
 * that calls it: an http tool's URL authority ({@code api.weather.gov}), the fronted MCP server for
 * an {@code upstream} manifest, the tool itself for tools from Java providers. Text tools and
 * inline tools have none: they cannot hang or fail because of a dependency.
 */
public final class Upstreams {

  private final Map<String, String> byTool;
  private final String fallback;

  private Upstreams(Map<String, String> byTool, String fallback) {
    this.byTool = Map.copyOf(byTool);
    this.fallback = fallback;
  }

  /** The upstreams of a manifest's tools. */
  public static Upstreams of(McpServer manifest) {
    Map<String, String> byTool = new HashMap<>();
    String fallback = null;
    var spec = manifest == null ? null : manifest.getSpec();
    ServerSpec server = spec == null ? null : spec.server();
    if (server != null && server.tools() != null) {
      for (ToolSpec tool : server.tools()) {
        byTool.put(tool.name(), tool.http() == null ? "" : hostOf(tool.http().url()));
      }
    }
    UpstreamSpec upstream = spec == null ? null : spec.upstream();
    if (upstream != null) {
      fallback = nameOf(upstream);
    }
    return new Upstreams(byTool, fallback);
  }

  /**
   * The name of a fronted MCP server in breakers, health checks and error messages: its package
   * ({@code @modelcontextprotocol/server-memory}), its program ({@code node}), or its sidecar
   * ({@code sidecar:3000}).
   */
  public static String nameOf(UpstreamSpec upstream) {
    if (upstream.packageSpec() != null) {
      return upstream.packageSpec().identifier();
    }
    if (upstream.command() != null && !upstream.command().command().isEmpty()) {
      String program = upstream.command().command().getFirst();
      return program.substring(program.lastIndexOf('/') + 1);
    }
    if (upstream.http() != null) {
      return "sidecar:" + (upstream.http().port() == null ? 3000 : upstream.http().port());
    }
    return "upstream";
  }

  /** The upstream {@code tool} depends on, or empty when it has none. */
  public Optional<String> of(McpTool tool) {
    if (tool.inline()) {
      return Optional.empty();
    }
    String name = tool.descriptor().name();
    String upstream = byTool.get(name);
    if (upstream != null) {
      return upstream.isEmpty() ? Optional.empty() : Optional.of(upstream);
    }
    return Optional.of(fallback != null ? fallback : "tool:" + name);
  }

  /**
   * The authority of a URL template, placeholders left as they are: {@code
   * https://{{region}}.api.example.com/v1} is one upstream, not one per region.
   */
  private static String hostOf(String urlTemplate) {
    int start = urlTemplate.indexOf("://");
    String rest = start < 0 ? urlTemplate : urlTemplate.substring(start + 3);
    for (char stop : new char[] {'/', '?', '#'}) {
      int at = rest.indexOf(stop);
      rest = at < 0 ? rest : rest.substring(0, at);
    }
    return rest;
  }
}
