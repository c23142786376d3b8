package dev.mcpfleet.runtime.resilience;

import java.time.Duration;

/**
 * The upstream a tool depends on is not being called for now: its circuit breaker is open after
 * repeated failures. Callers may retry after {@link #retryAfter()}; the cache may answer instead.
 */
public final class UpstreamUnavailableException extends Exception {

  private final String upstream;
  private final Duration retryAfter;

  public UpstreamUnavailableException(String upstream, Duration retryAfter) {
    this(
        upstream,
        retryAfter,
        "upstream "
            + upstream
            + " is failing and is not being called for now; retry after "
            + Math.max(1, retryAfter.toSeconds())
            + " s");
  }

  /**
   * The upstream is unavailable for another reason than an open breaker, told by {@code message}.
   */
  public UpstreamUnavailableException(String upstream, Duration retryAfter, String message) {
    super(message, null, false, false);
    this.upstream = upstream;
    this.retryAfter = retryAfter;
  }

  public String upstream() {
    return upstream;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
