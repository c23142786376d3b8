package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * Retries failed calls of idempotent tools (exceptions, and results that report an upstream
 * failure; the last such result is returned when every attempt failed) ({@code idempotentHint})
 * with exponential backoff (Resilience4j): the first retry after {@code backoff}, each next one
 * after twice as long. Calls are not retried when the breaker is open, when they timed out (their
 * time is spent), when the caller cancelled, or when the tool answered (even with {@code isError}).
 * Tools that are not idempotent are never retried: a second call could repeat a side effect.
 */
public final class RetryLayer implements ToolLayer {

  private final RetryRegistry retries;
  private final Upstreams upstreams;

  public RetryLayer(int maxAttempts, Duration backoff, Upstreams upstreams) {
    this.upstreams = upstreams;
    this.retries =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2.0))
                .retryOnException(RetryLayer::retryable)
                .retryOnResult(
                    result ->
                        result instanceof ToolResult r && ClassifiedError.isUpstreamFailure(r))
                .failAfterMaxAttempts(false)
                .build());
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    Optional<String> upstream = upstreams.of(invocation.tool());
    if (upstream.isEmpty() || !invocation.tool().descriptor().idempotent()) {
      return next.proceed(invocation);
    }
    Retry retry = retries.retry(upstream.get());
    return retry.executeCallable(
        () -> {
          if (invocation.context().cancelled()) {
            throw new java.util.concurrent.CancellationException("the client cancelled the call");
          }
          return next.proceed(invocation);
        });
  }

  static boolean retryable(Throwable e) {
    return !ToolLayer.isControlFlow(e)
        && !(e instanceof UpstreamUnavailableException)
        && !(e instanceof UpstreamTimeoutException);
  }
}
