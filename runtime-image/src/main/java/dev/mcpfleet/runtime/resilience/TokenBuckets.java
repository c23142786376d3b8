package dev.mcpfleet.runtime.resilience;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets by key (a caller, or a caller and a tool): {@code burst} tokens at most, refilled
 * at {@code perSecond} (Bucket4j). The local bucket decides at once, without blocking. With a
 * shared Redis, every take is also counted there in the background; when the fleet-wide bucket is
 * empty the key is refused locally until it refills, so a fleet of replicas keeps one limit per
 * caller. When Redis fails, the local bucket alone limits (each replica then allows the full rate).
 */
public final class TokenBuckets {

  /**
   * A take's outcome.
   *
   * @param allowed whether a token was taken
   * @param retryAfterNanos when refused, how long until a token is available
   */
  public record Take(boolean allowed, long retryAfterNanos) {
    static final Take ALLOWED = new Take(true, 0);
  }

  private final long perSecond;
  private final long burst;
  private final Bandwidth bandwidth;
  private final BucketConfiguration configuration;
  private final Cache<String, Bucket> local;
  private final Cache<String, Long> refusedUntil;
  private final SharedBuckets shared;

  /**
   * @param shared the fleet-wide buckets, or null for local limits only
   */
  public TokenBuckets(long perSecond, long burst, SharedBuckets shared) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.bandwidth =
        Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
    this.configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
    // An idle caller's bucket is full again after burst / perSecond: forgetting it then is exact.
    Duration idle = Duration.ofSeconds(Math.max(60, burst / Math.max(1, perSecond) + 1));
    this.local = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
    this.refusedUntil =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    this.shared = shared;
  }

  public long perSecond() {
    return perSecond;
  }

  public long burst() {
    return burst;
  }

  /** Takes one token for {@code key}; never blocks. */
  public Take take(String key) {
    Long until = refusedUntil.getIfPresent(key);
    if (until != null) {
      long left = until - System.nanoTime();
      if (left > 0) {
        return new Take(false, left);
      }
      refusedUntil.invalidate(key);
    }
    ConsumptionProbe probe =
        local
            .get(key, k -> Bucket.builder().addLimit(bandwidth).build())
            .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      return new Take(false, probe.getNanosToWaitForRefill());
    }
    if (shared != null) {
      shared
          .take(perSecond + "/" + burst + ":" + key, configuration)
          .thenAccept(
              fleet ->
                  fleet
                      .filter(p -> !p.isConsumed())
                      .ifPresent(
                          p ->
                              refusedUntil.put(
                                  key, System.nanoTime() + p.getNanosToWaitForRefill())));
    }
    return Take.ALLOWED;
  }
}
