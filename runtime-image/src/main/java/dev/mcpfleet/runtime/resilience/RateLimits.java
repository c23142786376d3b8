package dev.mcpfleet.runtime.resilience;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;

/** What the rate-limit layers tell a refused caller. */
final class RateLimits {

  private RateLimits() {}

  /** Whole seconds to wait, at least one (Retry-After has second resolution). */
  static long retryAfterSeconds(long nanos) {
    return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
  }

  /** The limit in the error's details. */
  static ObjectNode details(TokenBuckets buckets) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("requestsPerSecond", buckets.perSecond())
        .put("burst", buckets.burst());
  }
}
