package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Optional;

/**
 * Calls a tool through its upstream's circuit breaker: while the breaker is open the tool is not
 * called and the call fails fast with {@link UpstreamUnavailableException}. Exceptions count as
 * failures (timeouts included), and so do results that report an upstream failure (category
 * external_error, e.g. an HTTP tool's refused connection or 5xx); other results, even with {@code
 * isError}, count as successes: the upstream answered.
 */
public final class CircuitBreakerLayer implements ToolLayer {

  private final Breakers breakers;
  private final Upstreams upstreams;

  public CircuitBreakerLayer(Breakers breakers, Upstreams upstreams) {
    this.breakers = breakers;
    this.upstreams = upstreams;
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    Optional<String> upstream = upstreams.of(invocation.tool());
    if (upstream.isEmpty()) {
      return next.proceed(invocation);
    }
    CircuitBreaker breaker = breakers.of(upstream.get());
    if (!breaker.tryAcquirePermission()) {
      throw new UpstreamUnavailableException(upstream.get(), breakers.retryAfter(upstream.get()));
    }
    long start = breaker.getCurrentTimestamp();
    try {
      ToolResult result = next.proceed(invocation);
      long took = breaker.getCurrentTimestamp() - start;
      if (ClassifiedError.isUpstreamFailure(result)) {
        breaker.onError(took, breaker.getTimestampUnit(), new UpstreamFailure(upstream.get()));
      } else {
        breaker.onSuccess(took, breaker.getTimestampUnit());
      }
      return result;
    } catch (Exception e) {
      if (ToolLayer.isControlFlow(e)) {
        breaker.releasePermission();
      } else {
        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
      }
      throw e;
    }
  }

  /** What the breaker records for a result that reports an upstream failure. */
  private static final class UpstreamFailure extends Exception {
    UpstreamFailure(String upstream) {
      super("upstream " + upstream + " failed", null, false, false);
    }
  }
}
