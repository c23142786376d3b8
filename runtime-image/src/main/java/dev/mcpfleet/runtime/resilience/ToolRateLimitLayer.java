package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ClassifiedError.Category;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.micrometer.core.instrument.Counter;
import java.util.Map;

/**
 * Tighter per-caller limits for single tools ({@code security.rateLimit.tools}). The tool's name is
 * only known once the request body is read, so a call over such a limit gets a tool result with
 * {@code isError} and the guide's {@code RATE_LIMITED} error (with retry-after), not HTTP 429.
 */
public final class ToolRateLimitLayer implements ToolLayer {

  private final Map<String, TokenBuckets> byTool;
  private final Counter rejections;

  public ToolRateLimitLayer(Map<String, TokenBuckets> byTool, Counter rejections) {
    this.byTool = Map.copyOf(byTool);
    this.rejections = rejections;
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    String tool = invocation.call().name();
    TokenBuckets buckets = byTool.get(tool);
    if (buckets == null) {
      return next.proceed(invocation);
    }
    Caller caller = invocation.context().caller();
    TokenBuckets.Take take = buckets.take(tool + ":" + caller.kind() + ":" + caller.id());
    if (take.allowed()) {
      return next.proceed(invocation);
    }
    rejections.increment();
    long retryAfter = RateLimits.retryAfterSeconds(take.retryAfterNanos());
    return new ClassifiedError(
            Category.CLIENT_ERROR,
            ClassifiedError.RATE_LIMITED,
            "the tool '"
                + tool
                + "' allows "
                + buckets.perSecond()
                + " calls/s per caller with bursts of "
                + buckets.burst()
                + "; retry after "
                + retryAfter
                + " s",
            retryAfter,
            RateLimits.details(buckets))
        .toToolResult();
  }
}
