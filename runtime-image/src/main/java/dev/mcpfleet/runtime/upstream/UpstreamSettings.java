package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.Durations;
import dev.mcpfleet.runtime.config.LayerSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How long the runtime waits for its upstream, and how it restarts it.
 *
 * @param startTimeout how long a start may take until the server answers initialize (npx and uvx
 *     may download the package first); {@code MCP_UPSTREAM_START_TIMEOUT}, default 5 minutes
 * @param requestTimeout how long any request to the server may take: {@code resilience.timeout}
 *     (with its {@code MCP_} override)
 * @param firstBackoff the wait before the first restart, doubled for each failure in a row; {@code
 *     MCP_UPSTREAM_RESTART_BACKOFF}, default 1 s
 * @param maxBackoff the longest wait between restarts: 30 s
 * @param stableAfter an upstream that stayed up this long starts its failure count afresh: 1 minute
 * @param stopTimeout how long stopping may take before the process is killed
 */
record UpstreamSettings(
    Duration startTimeout,
    Duration requestTimeout,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration stableAfter,
    Duration stopTimeout) {

  /** The settings of {@code manifest} in a runtime with environment {@code env}. */
  static UpstreamSettings of(McpServer manifest, Map<String, String> env) {
    Duration timeout;
    try {
      timeout = LayerSettings.of(manifest, env).resilience().timeout();
    } catch (IllegalArgumentException e) {
      timeout = Defaults.TIMEOUT; // the layers refuse such a manifest and say why
    }
    return new UpstreamSettings(
        duration(env.get("MCP_UPSTREAM_START_TIMEOUT"), Duration.ofMinutes(5)),
        timeout,
        duration(env.get("MCP_UPSTREAM_RESTART_BACKOFF"), Duration.ofSeconds(1)),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofSeconds(10));
  }

  /** The wait before restart number {@code failuresInARow} (1 for the first). */
  Duration backoff(int failuresInARow) {
    Duration wait = firstBackoff;
    for (int i = 1; i < failuresInARow && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private static Duration duration(String text, Duration fallback) {
    return text == null || text.isBlank() ? fallback : Durations.parse(text.strip(), fallback);
  }
}
