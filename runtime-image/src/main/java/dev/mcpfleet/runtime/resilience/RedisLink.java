package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.observability.HealthCheck;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional shared Redis (Lettuce) behind the cache's second level and fleet-wide rate limits.
 * Redis is a help, never a dependency: the runtime starts without it, connects in the background,
 * and whenever a command fails the users of this link fall back to their local level for a few
 * seconds ({@link #failed}) instead of failing calls. Commands fail fast while disconnected and
 * time out after {@code commandTimeout}.
 */
public final class RedisLink implements HealthCheck, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  private static final Duration BACKOFF = Duration.ofSeconds(5);

  private final RedisClient client;
  private final String display;
  private final Clock clock;
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile Instant unusableUntil = Instant.EPOCH;
  private volatile String lastError = "connecting";
  private volatile boolean closed;

  private RedisLink(RedisURI uri, Duration commandTimeout, Clock clock) {
    this.clock = clock;
    this.display = uri.getHost() + ":" + uri.getPort();
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
            .build());
  }

  /**
   * A link to the Redis at {@code url} ({@code redis://host:port} or {@code rediss://...}),
   * connecting in the background.
   *
   * @throws IllegalArgumentException when the URL is not a Redis URL
   */
  public static RedisLink open(String url, Duration commandTimeout) {
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "resilience.redis: the URL is not a Redis URL (redis://host:port): " + e.getMessage());
    }
    RedisLink link = new RedisLink(uri, commandTimeout, Clock.systemUTC());
    Thread.ofVirtual().name("redis-connect").start(link::connectLoop);
    return link;
  }

  /** The connection, when Redis is connected and has not failed in the last few seconds. */
  public Optional<StatefulRedisConnection<String, byte[]>> connection() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c == null || !c.isOpen() || clock.instant().isBefore(unusableUntil)) {
      return Optional.empty();
    }
    return Optional.of(c);
  }

  /** A command failed: use the local level only for a few seconds. */
  public void failed(Throwable error) {
    boolean wasUsable = !clock.instant().isBefore(unusableUntil);
    unusableUntil = clock.instant().plus(BACKOFF);
    lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
    if (wasUsable) {
      LOG.warn("Redis at {} failed ({}); using the local level only for now", display, lastError);
    }
  }

  /** A command succeeded. */
  public void succeeded() {
    lastError = null;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Result check() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c != null && c.isOpen() && lastError == null) {
      return Result.healthy("connected to " + display);
    }
    return Result.degraded(
        "Redis at "
            + display
            + " is not usable ("
            + (c != null && !c.isOpen() ? "disconnected" : lastError)
            + "); the cache and rate limits use this replica's local level");
  }

  private void connectLoop() {
    Duration wait = Duration.ofMillis(500);
    while (!closed && connection == null) {
      try {
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        lastError = null;
        LOG.info("connected to Redis at {}", display);
      } catch (RuntimeException e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.debug("cannot connect to Redis at {}: {}", display, lastError);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          return;
        }
        wait = wait.multipliedBy(2).compareTo(BACKOFF) > 0 ? BACKOFF : wait.multipliedBy(2);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
