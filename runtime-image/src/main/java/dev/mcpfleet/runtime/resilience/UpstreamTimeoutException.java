package dev.mcpfleet.runtime.resilience;

import java.time.Duration;

/** A tool call took longer than the timeout and was stopped. */
public final class UpstreamTimeoutException extends Exception {

  private final String upstream;
  private final Duration timeout;

  public UpstreamTimeoutException(String upstream, Duration timeout) {
    super(
        "the call to " + upstream + " did not answer within " + timeout.toMillis() + " ms",
        null,
        false,
        false);
    this.upstream = upstream;
    this.timeout = timeout;
  }

  public String upstream() {
    return upstream;
  }

  public Duration timeout() {
    return timeout;
  }
}
