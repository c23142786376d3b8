package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ClassifiedError.Category;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.micrometer.core.instrument.Counter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * The guide's token bucket per caller (default 100 requests/s, bursts of 20), after authentication.
 * Authenticated callers are told apart by who they are, anonymous ones by their address. Over the
 * limit a request gets HTTP 429 with {@code Retry-After} and the guide's {@code RATE_LIMITED}
 * error, before its body is read.
 */
public final class RateLimitGuard implements HttpGuard {

  private final TokenBuckets buckets;
  private final Counter rejections;

  public RateLimitGuard(TokenBuckets buckets, Counter rejections) {
    this.buckets = buckets;
    this.rejections = rejections;
  }

  @Override
  public Decision check(RequestHead head, Caller caller) {
    TokenBuckets.Take take = buckets.take(key(head, caller));
    if (take.allowed()) {
      return new Pass(caller);
    }
    rejections.increment();
    long retryAfter = RateLimits.retryAfterSeconds(take.retryAfterNanos());
    ClassifiedError error =
        new ClassifiedError(
            Category.CLIENT_ERROR,
            ClassifiedError.RATE_LIMITED,
            "too many requests: this server allows "
                + buckets.perSecond()
                + " requests/s per caller with bursts of "
                + buckets.burst()
                + "; retry after "
                + retryAfter
                + " s",
            retryAfter,
            RateLimits.details(buckets));
    return new Reject(
        HttpResponseStatus.TOO_MANY_REQUESTS,
        Map.of("Retry-After", Long.toString(retryAfter)),
        error.toJsonRpcError(-32600));
  }

  /** The bucket of a caller: by identity, or by address when anonymous without one. */
  static String key(RequestHead head, Caller caller) {
    if (caller.kind() == Caller.Kind.ANONYMOUS && caller.id().equals(Caller.ANONYMOUS.id())) {
      return "anonymous@"
          + (head.remote() == null || head.remote().getAddress() == null
              ? "unknown"
              : head.remote().getAddress().getHostAddress());
    }
    return caller.kind().name() + ":" + caller.id();
  }
}
