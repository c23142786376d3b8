package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** The guide's fail-safe patterns, applied to every upstream call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResilienceSpec(
    @Pattern(Durations.PATTERN)
        @JsonPropertyDescription("Longest a tool call may take. Default: 30s.")
        String timeout,
    @JsonPropertyDescription(
            "Stops calling a failing upstream for a while. Default: 5 failures, 30s.")
        CircuitBreakerSpec circuitBreaker,
    @JsonPropertyDescription(
            "Defaults for tools marked cacheable. Default: ttl 300s, 1000 entries.")
        CacheSpec cache,
    @JsonPropertyDescription("Retries of idempotent calls (idempotentHint) with backoff.")
        RetrySpec retry,
    @JsonPropertyDescription(
            "A Redis shared by all replicas for the cache and rate limits; an outage falls back"
                + " to the local level.")
        RedisSpec redis) {

  /** Circuit breaker per upstream. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CircuitBreakerSpec(
      @Min(1)
          @Max(1000)
          @JsonPropertyDescription("Consecutive failures that open the breaker. Default: 5.")
          Integer failureThreshold,
      @Pattern(Durations.PATTERN)
          @JsonPropertyDescription(
              "How long the breaker stays open before a trial call. Default: 30s.")
          String recoveryTimeout) {}

  /** Result cache defaults. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CacheSpec(
      @Pattern(Durations.PATTERN)
          @JsonPropertyDescription("How long a cached result stays fresh. Default: 300s.")
          String ttl,
      @Min(1)
          @Max(10000000)
          @JsonPropertyDescription("Most entries kept per replica. Default: 1000.")
          Integer maxEntries) {}

  /** Retry with exponential backoff, for idempotent calls only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RetrySpec(
      @Min(1) @Max(10) @JsonPropertyDescription("Attempts in all, the first included. Default: 3.")
          Integer maxAttempts,
      @Pattern(Durations.PATTERN)
          @JsonPropertyDescription(
              "Wait before the first retry; doubled each time. Default: 200ms.")
          String backoff) {}

  /** A shared Redis for the second cache level and fleet-wide rate limits. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @io.fabric8.generator.annotation.ValidationRule(
      value = "has(self.url) != has(self.urlFrom)",
      message = "redis needs exactly one of url or urlFrom")
  public record RedisSpec(
      @io.fabric8.generator.annotation.Size(max = 2048)
          @Pattern("^rediss?://.+")
          @JsonPropertyDescription("redis://host:6379 (no password here; use urlFrom for one).")
          String url,
      @JsonPropertyDescription("The URL from a Secret key, when it carries a password.")
          ValueSource urlFrom) {}
}
