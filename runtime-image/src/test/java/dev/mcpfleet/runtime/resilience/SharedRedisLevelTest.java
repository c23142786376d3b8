package dev.mcpfleet.runtime.resilience;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.context;
import static dev.mcpfleet.runtime.layers.LayerFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.layers.LayerFixtures.FakeTool;
import dev.mcpfleet.runtime.observability.HealthCheck;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared Redis level of the cache and the rate limits, against a real redis-server. */
class SharedRedisLevelTest {

  private RedisServer redis;
  private RedisLink replicaA;
  private RedisLink replicaB;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start();
    replicaA = RedisLink.open(redis.url(), Duration.ofMillis(250));
    replicaB = RedisLink.open(redis.url(), Duration.ofMillis(250));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> replicaA.connection().isPresent() && replicaB.connection().isPresent());
  }

  @AfterEach
  void stop() {
    if (replicaA != null) {
      replicaA.close();
      replicaB.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** A cache layer for "forecast" whose shared level is {@code link} (none when null). */
  private CacheLayer cacheOn(RedisLink link) {
    var registry = new SimpleMeterRegistry();
    return new CacheLayer(
        Map.of(
            "forecast",
            new CacheLayer.Policy(Duration.ofMinutes(5), false, true, Duration.ofHours(1))),
        new ResultCache(
            100, link, "mcpfleet:test:cache", Duration.ofMillis(250), Clock.systemUTC()),
        new CacheKeys("1.0.0"),
        r -> r,
        new CacheLayer.Counters(
            registry.counter("local"),
            registry.counter("shared"),
            registry.counter("miss"),
            registry.counter("stale")));
  }

  @Test
  void oneReplicaAnswersFromAResultAnotherReplicaCached() throws Exception {
    AtomicInteger upstream = new AtomicInteger();
    FakeTool forecast =
        LayerFixtures.tool(
            "forecast", (c, ctx) -> ToolResult.text("temp " + upstream.incrementAndGet()));
    CacheLayer a = cacheOn(replicaA);
    CacheLayer b = cacheOn(replicaB);

    ToolResult first =
        call(List.of(a), forecast, args("{\"city\":\"Lyon\"}"), context(Caller.ANONYMOUS));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                text(call(
                        List.of(b),
                        forecast,
                        args("{\"city\":\"Lyon\"}"),
                        context(Caller.ANONYMOUS)))
                    .equals(text(first)));

    assertThat(upstream).hasValue(1);
  }

  @Test
  void callsOfACachedToolLeaveTheEventLoopOnlyWhenTheCacheWaitsForRedis() {
    FakeTool forecast = LayerFixtures.okTool("forecast");
    FakeTool clock = LayerFixtures.okTool("clock");
    CacheLayer localOnly = cacheOn(null);

    assertThat(cacheOn(replicaA).mayBlock(forecast)).isTrue();
    assertThat(cacheOn(replicaA).mayBlock(clock)).as("not cached").isFalse();
    assertThat(localOnly.mayBlock(forecast)).as("no shared level").isFalse();
  }

  @Test
  void replicasShareOneBucketPerCaller() {
    TokenBuckets a = new TokenBuckets(1, 10, new SharedBuckets(replicaA, "mcpfleet:test:rl"));
    TokenBuckets b = new TokenBuckets(1, 10, new SharedBuckets(replicaB, "mcpfleet:test:rl"));

    // Each replica alone would allow 10; together they may not give alice much more than 10.
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      allowed += a.take("alice").allowed() ? 1 : 0;
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !b.take("alice").allowed());

    assertThat(allowed).isEqualTo(10);
    assertThat(b.take("bob").allowed()).isTrue();
  }

  @Test
  void aRedisOutageFallsBackToTheLocalLevelWithoutFailingCalls() throws Exception {
    AtomicInteger upstream = new AtomicInteger();
    FakeTool forecast =
        LayerFixtures.tool(
            "forecast", (c, ctx) -> ToolResult.text("temp " + upstream.incrementAndGet()));
    CacheLayer cache = cacheOn(replicaA);
    TokenBuckets buckets =
        new TokenBuckets(1000, 1000, new SharedBuckets(replicaA, "mcpfleet:test:rl"));
    ResultCache health =
        new ResultCache(10, replicaA, "x", Duration.ofMillis(250), Clock.systemUTC());

    redis.kill();

    for (int i = 0; i < 20; i++) {
      assertThat(buckets.take("alice").allowed()).isTrue();
      ToolResult result =
          call(
              List.of(cache),
              forecast,
              args("{\"city\":\"city-" + i + "\"}"),
              context(Caller.ANONYMOUS));
      assertThat(result.isError()).isFalse();
    }
    assertThat(
            text(
                call(
                    List.of(cache),
                    forecast,
                    args("{\"city\":\"city-0\"}"),
                    context(Caller.ANONYMOUS))))
        .isEqualTo("temp 1\n");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> replicaA.check().status() == HealthCheck.Status.DEGRADED);
    assertThat(replicaA.check().message()).contains("local level");
    assertThat(health.check().status()).isEqualTo(HealthCheck.Status.HEALTHY);
  }
}
