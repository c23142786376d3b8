package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.MDC;

/**
 * Stops a tool call that takes longer than the timeout (Resilience4j time limiter): the call runs
 * on its own virtual thread, which is interrupted when time is up, so no thread stays stuck on a
 * slow upstream; the caller gets {@link UpstreamTimeoutException}. Tools without an upstream are
 * not limited.
 */
public final class TimeoutLayer implements ToolLayer {

  private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

  private final TimeLimiter limiter;
  private final Duration timeout;
  private final Upstreams upstreams;

  public TimeoutLayer(Duration timeout, Upstreams upstreams) {
    this.timeout = timeout;
    this.upstreams = upstreams;
    this.limiter =
        TimeLimiter.of(
            TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    Optional<String> upstream = upstreams.of(invocation.tool());
    if (upstream.isEmpty()) {
      return next.proceed(invocation);
    }
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    AtomicReference<Future<ToolResult>> running = new AtomicReference<>();
    try {
      return limiter.executeFutureSupplier(
          () -> {
            running.set(CALLS.submit(() -> proceedWith(logContext, invocation, next)));
            return running.get();
          });
    } catch (TimeoutException e) {
      throw new UpstreamTimeoutException(upstream.get(), timeout);
    } catch (InterruptedException e) {
      // The caller gave up (cancelled): stop the call too.
      Future<ToolResult> call = running.get();
      if (call != null) {
        call.cancel(true);
      }
      throw e;
    }
  }

  private static ToolResult proceedWith(
      Map<String, String> logContext, ToolInvocation invocation, Chain next) throws Exception {
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    try {
      return next.proceed(invocation);
    } finally {
      MDC.clear();
    }
  }
}
