package dev.mcpfleet.runtime.resilience;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.mcpfleet.runtime.observability.HealthCheck;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool results in two levels: a bounded in-memory cache per replica (Caffeine, each entry kept for
 * its own time) and, when configured, a shared Redis level so that replicas answer from each
 * other's results. A Redis failure only costs the second level: reads miss and writes are dropped,
 * never failing a call.
 */
public final class ResultCache implements HealthCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

  /** Where a hit came from. */
  public enum Level {
    LOCAL,
    SHARED
  }

  /** A hit and its level. */
  public record Hit(CachedResult entry, Level level) {}

  private final Cache<String, CachedResult> local;
  private final int maxEntries;
  private final RedisLink shared;
  private final String namespace;
  private final Duration sharedTimeout;
  private final Clock clock;

  /**
   * @param shared the Redis level, or null
   * @param namespace prefix of Redis keys, e.g. {@code mcpfleet:weather:cache}
   */
  public ResultCache(
      int maxEntries, RedisLink shared, String namespace, Duration sharedTimeout, Clock clock) {
    this.maxEntries = maxEntries;
    this.shared = shared;
    this.namespace = namespace;
    this.sharedTimeout = sharedTimeout;
    this.clock = clock;
    this.local =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(
                Expiry.<String, CachedResult>creating(
                    (key, entry) -> Duration.ofMillis(entry.keepMillis())))
            .build();
  }

  /**
   * The entry for {@code key}, fresh or stale, from this replica or else the shared level (which
   * waits for Redis: never call this on an event loop when {@link #hasSharedLevel()}).
   */
  public Optional<Hit> get(String key) {
    CachedResult entry = local.getIfPresent(key);
    if (entry != null) {
      return Optional.of(new Hit(entry, Level.LOCAL));
    }
    if (shared == null) {
      return Optional.empty();
    }
    return sharedGet(key)
        .map(
            found -> {
              local.put(key, found);
              return new Hit(found, Level.SHARED);
            });
  }

  /** Stores {@code entry} in both levels (the shared one in the background). */
  public void put(String key, CachedResult entry) {
    local.put(key, entry);
    if (shared != null) {
      shared
          .connection()
          .ifPresent(
              c ->
                  c.async()
                      .set(
                          namespace + ":" + key,
                          ResultCodec.encode(entry),
                          SetArgs.Builder.px(Math.max(1, entry.keepMillis())))
                      .whenComplete(
                          (ok, error) -> {
                            if (error != null) {
                              shared.failed(error);
                            }
                          }));
    }
  }

  /** Whether a shared Redis level is configured (reads from it wait for Redis). */
  public boolean hasSharedLevel() {
    return shared != null;
  }

  /** Entries held in this replica. */
  public long size() {
    return local.estimatedSize();
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String name() {
    return "cache";
  }

  @Override
  public Result check() {
    return Result.healthy(
        local.estimatedSize()
            + " of at most "
            + maxEntries
            + " results held"
            + (shared == null ? "" : ", with a shared Redis level"));
  }

  private Optional<CachedResult> sharedGet(String key) {
    var connection = shared.connection();
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] bytes =
          connection
              .get()
              .async()
              .get(namespace + ":" + key)
              .get(sharedTimeout.toMillis(), TimeUnit.MILLISECONDS);
      shared.succeeded();
      return bytes == null ? Optional.empty() : Optional.of(ResultCodec.decode(bytes));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("ignoring an unreadable shared cache entry {}: {}", key, e.toString());
      return Optional.empty();
    } catch (Exception e) {
      shared.failed(e);
      return Optional.empty();
    }
  }
}
