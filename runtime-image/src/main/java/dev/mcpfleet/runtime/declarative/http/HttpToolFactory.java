package dev.mcpfleet.runtime.declarative.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.Durations;
import dev.mcpfleet.api.spec.HttpHeaderSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.spec.ValueSource;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.template.Values;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the HTTP tools of one spec: resolves header values from the environment (where the
 * operator puts Secret and ConfigMap keys, named by {@link ValueSource#envName()}), and picks each
 * tool's timeout (its own, else resilience.timeout, else the guide's 30 s).
 */
public final class HttpToolFactory {

  private final HttpToolSettings settings;
  private final List<String> allowedHosts;
  private final Duration defaultTimeout;

  public HttpToolFactory(HttpToolSettings settings, McpServerSpec spec) {
    this.settings = settings;
    this.allowedHosts =
        spec.network() == null || spec.network().egress() == null
            ? null
            : spec.network().egress().allowedHosts();
    this.defaultTimeout =
        Durations.parse(
            spec.resilience() == null ? null : spec.resilience().timeout(), Defaults.TIMEOUT);
  }

  /**
   * The tool at {@code path}; a header whose environment variable is not set adds a problem that
   * says which variable to set (and the tool is still built, to report every missing one).
   */
  public HttpTool create(
      ToolSpec tool,
      ToolDescriptor descriptor,
      JsonNode defaults,
      String path,
      List<Problem> problems) {
    Map<Integer, String> resolved = new HashMap<>();
    List<HttpHeaderSpec> headers =
        tool.http().headers() == null ? List.of() : tool.http().headers();
    for (int i = 0; i < headers.size(); i++) {
      ValueSource source = headers.get(i).valueFrom();
      if (source == null) {
        continue;
      }
      String value = settings.environment().apply(source.envName());
      if (value == null) {
        problems.add(new Problem("", source.unsetMessage(path + ".http.headers[" + i + "]")));
      } else {
        String prefix = headers.get(i).prefix() == null ? "" : headers.get(i).prefix();
        resolved.put(i, prefix + value);
      }
    }
    return new HttpTool(
        descriptor,
        tool,
        new RequestTemplate(tool.http(), resolved),
        Durations.parse(tool.http().timeout(), defaultTimeout),
        allowedHosts,
        settings,
        Values.of(defaults));
  }
}
