package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.observability.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per upstream (Resilience4j): it opens after {@code failureThreshold} failures
 * in a row, stays open for {@code recoveryTimeout}, then lets one trial call through (half-open)
 * and closes again when it succeeds. Breakers outlive definition reloads, so a reload does not
 * forget that an upstream is down. Each breaker is a health check.
 */
public final class Breakers {

  private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);

  private final CircuitBreakerRegistry registry;
  private final Duration recoveryTimeout;
  private final Clock clock;
  private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

  public Breakers(int failureThreshold, Duration recoveryTimeout) {
    this(failureThreshold, recoveryTimeout, Clock.systemUTC());
  }

  Breakers(int failureThreshold, Duration recoveryTimeout, Clock clock) {
    this.recoveryTimeout = recoveryTimeout;
    this.clock = clock;
    this.registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failureThreshold)
                .minimumNumberOfCalls(failureThreshold)
                .failureRateThreshold(100)
                .waitDurationInOpenState(recoveryTimeout)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
  }

  /** The breaker of {@code upstream}, created on first use. */
  public CircuitBreaker of(String upstream) {
    return registry.circuitBreaker(upstream);
  }

  /** The registry, for metrics. */
  public CircuitBreakerRegistry registry() {
    return registry;
  }

  /** How long until an open breaker lets a trial call through (at least one second). */
  public Duration retryAfter(String upstream) {
    Instant opened = openedAt.get(upstream);
    if (opened == null) {
      return recoveryTimeout;
    }
    Duration left = recoveryTimeout.minus(Duration.between(opened, clock.instant()));
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }

  /** A health check per upstream seen so far: degraded while its breaker is not closed. */
  public List<HealthCheck> healthChecks() {
    return registry.getAllCircuitBreakers().stream().map(this::check).toList();
  }

  private HealthCheck check(CircuitBreaker breaker) {
    return new HealthCheck() {
      @Override
      public String name() {
        return "upstream:" + breaker.getName();
      }

      @Override
      public Result check() {
        return switch (breaker.getState()) {
          case CLOSED -> Result.healthy("circuit closed: calls go through");
          case HALF_OPEN ->
              Result.degraded("circuit half-open: trying a call to see whether it has recovered");
          case OPEN, FORCED_OPEN ->
              Result.degraded(
                  "circuit open after repeated failures: calls fail fast (or are answered from the"
                      + " cache) for "
                      + retryAfter(breaker.getName()).toSeconds()
                      + " s more");
          default -> Result.healthy("circuit " + breaker.getState().name().toLowerCase());
        };
      }
    };
  }

  private void watch(CircuitBreaker breaker) {
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.State to = event.getStateTransition().getToState();
              if (to == CircuitBreaker.State.OPEN) {
                openedAt.put(breaker.getName(), clock.instant());
              }
              LOG.warn(
                  "upstream {}: circuit {} -> {}",
                  breaker.getName(),
                  event.getStateTransition().getFromState(),
                  to);
            });
  }
}
