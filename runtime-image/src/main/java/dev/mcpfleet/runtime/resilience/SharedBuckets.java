package dev.mcpfleet.runtime.resilience;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets kept in the shared Redis (Bucket4j over Lettuce), so that every replica of a server
 * draws from the same bucket per caller. Only ever used asynchronously: the rate-limit check on the
 * event loop never waits for Redis.
 */
public final class SharedBuckets {

  private final RedisLink redis;
  private final String namespace;
  private volatile StatefulRedisConnection<String, byte[]> boundTo;
  private volatile AsyncProxyManager<String> proxies;

  /**
   * @param namespace prefix of the Redis keys, e.g. {@code mcpfleet:weather:rl}
   */
  public SharedBuckets(RedisLink redis, String namespace) {
    this.redis = redis;
    this.namespace = namespace;
  }

  /**
   * Takes one token from the shared bucket {@code key}; completes with the probe, or empty when
   * Redis is not usable now (the caller then relies on its local bucket alone).
   */
  public CompletableFuture<Optional<ConsumptionProbe>> take(
      String key, BucketConfiguration configuration) {
    Optional<AsyncProxyManager<String>> manager = manager();
    if (manager.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return manager
        .get()
        .builder()
        .build(namespace + ":" + key, configuration)
        .tryConsumeAndReturnRemaining(1)
        .handle(
            (probe, error) -> {
              if (error != null) {
                redis.failed(error);
                return Optional.empty();
              }
              redis.succeeded();
              return Optional.of(probe);
            });
  }

  private Optional<AsyncProxyManager<String>> manager() {
    Optional<StatefulRedisConnection<String, byte[]>> connection = redis.connection();
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    if (boundTo != connection.get()) {
      proxies =
          Bucket4jLettuce.casBasedBuilder(connection.get())
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                      Duration.ofSeconds(10)))
              .build()
              .asAsync();
      boundTo = connection.get();
    }
    return Optional.of(proxies);
  }
}
