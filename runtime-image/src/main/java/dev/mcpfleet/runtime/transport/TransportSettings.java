package dev.mcpfleet.runtime.transport;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What the HTTP layer needs to know, taken from the runtime's configuration.
 *
 * @param mcpPath the MCP endpoint's path
 * @param origins the Host/Origin policy of the MCP endpoint
 * @param maxBodyBytes largest accepted request body
 * @param endpoints extra endpoints by exact path, or by {@code prefix/*}
 * @param endpointExecutor where extra endpoints run (virtual threads)
 */
public record TransportSettings(
    String mcpPath,
    OriginPolicy origins,
    int maxBodyBytes,
    Map<String, HttpEndpoint> endpoints,
    Executor endpointExecutor) {

  public TransportSettings {
    endpoints = Map.copyOf(endpoints);
  }

  /** The extra endpoint serving {@code path}, or null. */
  HttpEndpoint endpoint(String path) {
    if (endpoints.isEmpty()) {
      return null;
    }
    HttpEndpoint exact = endpoints.get(path);
    if (exact != null) {
      return exact;
    }
    for (var entry : endpoints.entrySet()) {
      String key = entry.getKey();
      if (key.endsWith("/*")) {
        String prefix = key.substring(0, key.length() - 1);
        if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
          return entry.getValue();
        }
      }
    }
    return null;
  }
}
