package dev.mcpfleet.runtime.resilience;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.context;
import static dev.mcpfleet.runtime.layers.LayerFixtures.text;
import static dev.mcpfleet.runtime.layers.LayerFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.layers.LayerFixtures.FakeTool;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ResilienceLayersTest {

  private final Upstreams upstreams = Upstreams.of(new McpServer());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static ToolResult run(List<ToolLayer> layers, FakeTool tool) throws Exception {
    return call(layers, tool, args("{}"), context(Caller.ANONYMOUS));
  }

  @Test
  void theBreakerOpensAfterTheThresholdAndFailsFastWithRetryAfter() throws Exception {
    Breakers breakers = new Breakers(3, Duration.ofSeconds(30));
    var layer = new CircuitBreakerLayer(breakers, upstreams);
    FakeTool flaky =
        tool(
            "flaky",
            (c, ctx) -> {
              throw new IOException("connection refused");
            });

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> run(List.of(layer), flaky)).isInstanceOf(IOException.class);
    }

    assertThatThrownBy(() -> run(List.of(layer), flaky))
        .isInstanceOf(UpstreamUnavailableException.class)
        .satisfies(e -> assertThat(((UpstreamUnavailableException) e).retryAfter()).isPositive());
    assertThat(flaky.calls).hasValue(3);
    assertThat(breakers.of("tool:flaky").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breakers.healthChecks().get(0).check().message()).contains("circuit open");
  }

  @Test
  void theBreakerLetsATrialThroughAfterRecoveryAndClosesOnSuccess() throws Exception {
    Breakers breakers = new Breakers(2, Duration.ofMillis(200));
    var layer = new CircuitBreakerLayer(breakers, upstreams);
    FakeTool flaky =
        tool(
            "flaky",
            (c, ctx) -> {
              throw new IOException("down");
            });
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> run(List.of(layer), flaky));
    }
    flaky.does((c, ctx) -> ToolResult.text("back"));

    await()
        .atMost(Duration.ofSeconds(3))
        .until(
            () -> {
              try {
                return text(run(List.of(layer), flaky)).contains("back");
              } catch (UpstreamUnavailableException e) {
                return false;
              }
            });
    assertThat(breakers.of("tool:flaky").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void answersCountAsSuccessButUpstreamFailureResultsCountAsFailures() throws Exception {
    Breakers breakers = new Breakers(2, Duration.ofSeconds(30));
    var layer = new CircuitBreakerLayer(breakers, upstreams);
    FakeTool refusing = tool("t", (c, ctx) -> ToolResult.error("City 'Atlantis' is unknown"));
    for (int i = 0; i < 5; i++) {
      run(List.of(layer), refusing);
    }
    assertThat(breakers.of("tool:t").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

    refusing.does((c, ctx) -> upstreamFailure());
    run(List.of(layer), refusing);
    run(List.of(layer), refusing);

    assertThat(breakers.of("tool:t").getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void controlFlowNeverCountsAsAFailure() throws Exception {
    Breakers breakers = new Breakers(1, Duration.ofSeconds(30));
    var layer = new CircuitBreakerLayer(breakers, upstreams);
    FakeTool asking =
        tool(
            "t",
            (c, ctx) -> {
              throw new CallContext.InputRequiredSignal();
            });

    assertThatThrownBy(() -> run(List.of(layer), asking))
        .isInstanceOf(CallContext.InputRequiredSignal.class);
    assertThatThrownBy(() -> run(List.of(layer, new FailureResultLayer(upstreams, s -> s)), asking))
        .isInstanceOf(CallContext.InputRequiredSignal.class);

    assertThat(breakers.of("tool:t").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void idempotentCallsAreRetriedWithBackoffOthersNever() throws Exception {
    var retry = new RetryLayer(3, Duration.ofMillis(10), upstreams);
    FakeTool idempotent =
        tool(
            "read",
            null,
            true,
            (c, ctx) -> {
              throw new IOException("flaky");
            });
    FakeTool once =
        tool(
            "write",
            null,
            false,
            (c, ctx) -> {
              throw new IOException("flaky");
            });

    assertThatThrownBy(() -> run(List.of(retry), idempotent)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> run(List.of(retry), once)).isInstanceOf(IOException.class);

    assertThat(idempotent.calls).hasValue(3);
    assertThat(once.calls).hasValue(1);
  }

  @Test
  void aRetrySucceedsOnceTheUpstreamRecovers() throws Exception {
    var retry = new RetryLayer(3, Duration.ofMillis(10), upstreams);
    FakeTool recovering = tool("read", null, true, null);
    recovering.does(
        (c, ctx) -> recovering.calls.get() < 2 ? upstreamFailure() : ToolResult.text("ok"));

    assertThat(text(run(List.of(retry), recovering))).contains("ok");
    assertThat(recovering.calls).hasValue(2);
  }

  @Test
  void openBreakersAndTimeoutsAreNotRetried() {
    assertThat(RetryLayer.retryable(new UpstreamUnavailableException("u", Duration.ofSeconds(1))))
        .isFalse();
    assertThat(RetryLayer.retryable(new UpstreamTimeoutException("u", Duration.ofSeconds(1))))
        .isFalse();
    assertThat(RetryLayer.retryable(new IOException("x"))).isTrue();
  }

  @Test
  void aSlowCallIsStoppedAndItsThreadInterrupted() throws Exception {
    var timeout = new TimeoutLayer(Duration.ofMillis(100), upstreams);
    AtomicReference<Thread> worker = new AtomicReference<>();
    FakeTool slow =
        tool(
            "slow",
            (c, ctx) -> {
              worker.set(Thread.currentThread());
              Thread.sleep(20_000);
              return ToolResult.text("late");
            });

    assertThatThrownBy(() -> run(List.of(timeout), slow))
        .isInstanceOf(UpstreamTimeoutException.class);
    await().atMost(Duration.ofSeconds(3)).until(() -> !worker.get().isAlive());
  }

  @Test
  void failuresBecomeClassifiedToolResults() throws Exception {
    var failures = new FailureResultLayer(upstreams, s -> s.replace("hunter2", "[REDACTED]"));
    FakeTool open =
        tool(
            "t",
            (c, ctx) -> {
              throw new UpstreamUnavailableException("api.test", Duration.ofSeconds(12));
            });
    FakeTool slow =
        tool(
            "t",
            (c, ctx) -> {
              throw new UpstreamTimeoutException("api.test", Duration.ofSeconds(30));
            });
    FakeTool broken =
        tool(
            "t",
            (c, ctx) -> {
              throw new IllegalStateException("password hunter2 rejected");
            });

    ToolResult unavailable = run(List.of(failures), open);
    assertThat(unavailable.isError()).isTrue();
    assertThat(text(unavailable)).startsWith("UPSTREAM_UNAVAILABLE:").contains("retry after 12 s");
    assertThat(unavailable.meta().path("dev.mcpfleet/error").path("retry_after").asLong())
        .isEqualTo(12);
    assertThat(unavailable.meta().path("dev.mcpfleet/error").path("category").asText())
        .isEqualTo("external_error");
    assertThat(ClassifiedError.codeOf(run(List.of(failures), slow))).isEqualTo("UPSTREAM_TIMEOUT");
    ToolResult internal = run(List.of(failures), broken);
    assertThat(ClassifiedError.codeOf(internal)).isEqualTo("INTERNAL_ERROR");
    assertThat(text(internal)).doesNotContain("hunter2");
  }

  @Test
  void freshAnswersComeFromTheCacheStaleOnesOnlyWhenTheUpstreamFails() throws Exception {
    MutableClock clock = new MutableClock();
    CacheLayer cache =
        new CacheLayer(
            Map.of(
                "forecast",
                new CacheLayer.Policy(Duration.ofSeconds(10), true, true, Duration.ofHours(1))),
            new ResultCache(100, null, "c", Duration.ofMillis(100), clock),
            new CacheKeys("1"),
            r -> r,
            new CacheLayer.Counters(
                registry.counter("l"),
                registry.counter("s"),
                registry.counter("m"),
                registry.counter("st")));
    FakeTool forecast =
        tool("forecast", (c, ctx) -> ToolResult.text("temp " + c.arguments().path("n").asInt()));
    var alice = context(LayerFixtures.apiKey("alice"));
    var bob = context(LayerFixtures.apiKey("bob"));

    call(List.of(cache), forecast, args("{\"n\":1}"), alice);
    call(List.of(cache), forecast, args("{\"n\":1}"), alice);
    assertThat(forecast.calls).hasValue(1);
    call(List.of(cache), forecast, args("{\"n\":1}"), bob);
    assertThat(forecast.calls).hasValue(2);

    clock.advance(Duration.ofSeconds(11));
    forecast.does(
        (c, ctx) -> {
          throw new UpstreamUnavailableException("api", Duration.ofSeconds(5));
        });
    ToolResult stale = call(List.of(cache), forecast, args("{\"n\":1}"), alice);

    assertThat(stale.isError()).isFalse();
    assertThat(text(stale)).contains("temp 1").contains("[degraded:").contains("cached 11 s ago");
    assertThat(stale.meta().path(CacheLayer.DEGRADED_KEY).path("reason").asText())
        .isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThatThrownBy(() -> call(List.of(cache), forecast, args("{\"n\":2}"), alice))
        .isInstanceOf(UpstreamUnavailableException.class);
  }

  @Test
  void errorsAreNeverCached() throws Exception {
    CacheLayer cache =
        new CacheLayer(
            Map.of(
                "t",
                new CacheLayer.Policy(Duration.ofMinutes(1), false, true, Duration.ofHours(1))),
            new ResultCache(10, null, "c", Duration.ofMillis(100), Clock.systemUTC()),
            new CacheKeys("1"),
            r -> r,
            new CacheLayer.Counters(
                registry.counter("l"),
                registry.counter("s"),
                registry.counter("m"),
                registry.counter("st")));
    FakeTool t = tool("t", (c, ctx) -> ToolResult.error("nope"));

    run(List.of(cache), t);
    run(List.of(cache), t);

    assertThat(t.calls).hasValue(2);
  }

  @Test
  void cacheKeysIgnoreFieldOrder() {
    CacheKeys keys = new CacheKeys("1");
    FakeTool t = LayerFixtures.okTool("t");
    var a =
        new ToolLayer.ToolInvocation(
            t,
            new dev.mcpfleet.runtime.spi.ToolCall(
                "t", args("{\"a\":1,\"b\":[1,{\"x\":2,\"y\":3}]}")),
            context(Caller.ANONYMOUS));
    var b =
        new ToolLayer.ToolInvocation(
            t,
            new dev.mcpfleet.runtime.spi.ToolCall(
                "t", args("{\"b\":[1,{\"y\":3,\"x\":2}],\"a\":1}")),
            context(Caller.ANONYMOUS));
    var c =
        new ToolLayer.ToolInvocation(
            t,
            new dev.mcpfleet.runtime.spi.ToolCall("t", args("{\"a\":2}")),
            context(Caller.ANONYMOUS));

    assertThat(keys.of(a, false)).isEqualTo(keys.of(b, false)).isNotEqualTo(keys.of(c, false));
  }

  @Test
  void aBurstIsAllowedThenRefusedWith429AndRetryAfter() {
    var guard = new RateLimitGuard(new TokenBuckets(10, 3, null), registry.counter("rejections"));
    Caller alice = LayerFixtures.apiKey("alice");
    var head = LayerFixtures.head(Map.of());

    for (int i = 0; i < 3; i++) {
      assertThat(guard.check(head, alice)).isInstanceOf(HttpGuard.Pass.class);
    }
    HttpGuard.Reject refused = (HttpGuard.Reject) guard.check(head, alice);

    assertThat(refused.status().code()).isEqualTo(429);
    assertThat(refused.headers()).containsEntry("Retry-After", "1");
    assertThat(refused.body().path("error").path("data").path("code").asText())
        .isEqualTo("RATE_LIMITED");
    assertThat(refused.body().path("error").path("data").path("details").path("burst").asInt())
        .isEqualTo(3);
    assertThat(guard.check(head, LayerFixtures.apiKey("bob"))).isInstanceOf(HttpGuard.Pass.class);
    assertThat(registry.counter("rejections").count()).isEqualTo(1);
  }

  @Test
  void anonymousCallersAreToldApartByAddress() {
    var guard = new RateLimitGuard(new TokenBuckets(1, 1, null), registry.counter("r"));

    assertThat(guard.check(LayerFixtures.head(Map.of(), "10.0.0.1"), Caller.ANONYMOUS))
        .isInstanceOf(HttpGuard.Pass.class);
    assertThat(guard.check(LayerFixtures.head(Map.of(), "10.0.0.1"), Caller.ANONYMOUS))
        .isInstanceOf(HttpGuard.Reject.class);
    assertThat(guard.check(LayerFixtures.head(Map.of(), "10.0.0.2"), Caller.ANONYMOUS))
        .isInstanceOf(HttpGuard.Pass.class);
  }

  @Test
  void aToolLimitAnswersRateLimitedAsAToolError() throws Exception {
    var layer =
        new ToolRateLimitLayer(
            Map.of("expensive", new TokenBuckets(1, 1, null)), registry.counter("t"));
    FakeTool expensive = LayerFixtures.okTool("expensive");

    run(List.of(layer), expensive);
    ToolResult limited = run(List.of(layer), expensive);

    assertThat(limited.isError()).isTrue();
    assertThat(ClassifiedError.codeOf(limited)).isEqualTo("RATE_LIMITED");
    assertThat(expensive.calls).hasValue(1);
  }

  @Test
  void drainingRefusesNewRequestsWith503() {
    var readiness = new dev.mcpfleet.runtime.observability.Readiness(() -> true);
    var guard = new DrainGuard(readiness);
    assertThat(guard.check(LayerFixtures.head(Map.of()), Caller.ANONYMOUS))
        .isInstanceOf(HttpGuard.Pass.class);

    readiness.drain();
    HttpGuard.Reject refused =
        (HttpGuard.Reject) guard.check(LayerFixtures.head(Map.of()), Caller.ANONYMOUS);

    assertThat(refused.status().code()).isEqualTo(503);
    assertThat(refused.headers()).containsEntry("Connection", "close");
    assertThat(refused.body().toString()).contains("SHUTTING_DOWN");
  }

  private static ToolResult upstreamFailure() {
    return new ClassifiedError(
            ClassifiedError.Category.EXTERNAL_ERROR,
            ClassifiedError.UPSTREAM_ERROR,
            "503",
            null,
            null)
        .attachTo(ToolResult.error("The upstream failed: HTTP 503"));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }
}
