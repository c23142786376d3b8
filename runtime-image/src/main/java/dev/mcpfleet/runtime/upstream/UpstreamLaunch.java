package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.spec.UpstreamSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How to reach the upstream of a spec: a child process over stdio ({@code package}, {@code
 * command}), or the sidecar's Streamable HTTP endpoint on localhost ({@code http}).
 *
 * @param describe what is started or reached, for logs and health messages
 * @param transports opens a fresh transport for each (re)start
 */
record UpstreamLaunch(String describe, Supplier<UpstreamTransport> transports) {

  /** The sidecar's port when the spec names none. */
  static final int DEFAULT_HTTP_PORT = 3000;

  /** The sidecar's MCP path when the spec names none. */
  static final String DEFAULT_HTTP_PATH = "/mcp";

  /**
   * The launch of {@code spec}, or null with {@code problems} added when the runtime lacks a value
   * the spec's environment references.
   */
  static UpstreamLaunch of(UpstreamSpec spec, Map<String, String> env, List<Problem> problems) {
    if (spec.http() != null) {
      URI endpoint = endpoint(spec.http());
      return new UpstreamLaunch("the sidecar at " + endpoint, () -> new HttpTransport(endpoint));
    }
    StdioCommand command = StdioCommand.of(spec, env::get, env, problems);
    if (command == null) {
      return null;
    }
    return new UpstreamLaunch(
        "'" + command.describe() + "'", () -> new StdioTransport(command, null));
  }

  /** {@code http://127.0.0.1:<port><path>}: the sidecar shares the pod's network namespace. */
  static URI endpoint(UpstreamSpec.HttpUpstreamSpec http) {
    int port = http.port() == null ? DEFAULT_HTTP_PORT : http.port();
    String path = http.path() == null || http.path().isEmpty() ? DEFAULT_HTTP_PATH : http.path();
    return URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
  }
}
