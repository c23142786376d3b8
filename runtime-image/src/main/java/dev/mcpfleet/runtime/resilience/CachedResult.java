package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.spi.ToolResult;
import java.time.Duration;
import java.time.Instant;

/**
 * A tool result in the cache.
 *
 * @param result the (sanitized) result
 * @param storedAtMillis when it was stored, epoch milliseconds
 * @param ttlMillis how long it stays fresh
 * @param keepMillis how long it is kept in all (longer than ttl when it may be served stale)
 */
public record CachedResult(
    ToolResult result, long storedAtMillis, long ttlMillis, long keepMillis) {

  /** True while younger than its ttl. */
  public boolean fresh(Instant now) {
    return now.toEpochMilli() - storedAtMillis < ttlMillis;
  }

  /** How old it is. */
  public Duration age(Instant now) {
    return Duration.ofMillis(Math.max(0, now.toEpochMilli() - storedAtMillis));
  }

  /** How much longer it is kept. */
  public Duration remaining(Instant now) {
    return Duration.ofMillis(Math.max(0, storedAtMillis + keepMillis - now.toEpochMilli()));
  }
}
