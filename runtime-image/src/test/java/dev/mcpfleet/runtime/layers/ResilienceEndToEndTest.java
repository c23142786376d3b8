package dev.mcpfleet.runtime.layers;

import static dev.mcpfleet.runtime.layers.LayeredServer.call;
import static dev.mcpfleet.runtime.layers.LayeredServer.failed;
import static dev.mcpfleet.runtime.layers.LayeredServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.spi.ToolResult;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's chaos cases and its load test, through HTTP with the official client. */
class ResilienceEndToEndTest {

  static String weather(String upstream, String resilience) {
    return """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: weather}
        spec:
          server:
            name: weather
            tools:
              - name: forecast
                description: The forecast for a city.
                inputSchema:
                  type: object
                  properties: {city: {type: string}}
                  required: [city]
                annotations: {readOnlyHint: true, idempotentHint: true}
                cache: {ttl: 1s}
                http:
                  url: "%s/forecast?city={{city}}"
          security:
            auth: {mode: none}
          resilience:
        %s
        """
        .formatted(upstream, resilience.indent(4));
  }

  @Test
  void upstreamDownOpensTheBreakerServesCachedAnswersAndRecovers() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream();
        LayeredServer server =
            LayeredServer.start(
                weather(
                    upstream.url(),
                    """
                    circuitBreaker: {failureThreshold: 3, recoveryTimeout: 2s}
                    retry: {maxAttempts: 1}
                    """),
                Map.of())) {
      McpSyncClient client = server.client(Map.of());
      McpSchema.CallToolResult fresh = call(client, "forecast", Map.of("city", "Lyon"));
      assertThat(text(fresh)).contains("\"temp\":1");
      assertThat(health(server)).contains("\"status\":\"healthy\"");

      upstream.failing(true);
      Thread.sleep(1100); // the cached answer is stale now
      for (int i = 0; i < 3; i++) {
        McpSchema.CallToolResult degraded = call(client, "forecast", Map.of("city", "Lyon"));
        assertThat(failed(degraded)).isFalse();
        assertThat(text(degraded)).contains("\"temp\":1").contains("[degraded:");
      }
      int callsWhenOpen = upstream.calls.get();
      McpSchema.CallToolResult whileOpen = call(client, "forecast", Map.of("city", "Lyon"));
      assertThat(text(whileOpen)).contains("UPSTREAM_UNAVAILABLE").contains("\"temp\":1");
      assertThat(upstream.calls.get()).isEqualTo(callsWhenOpen);
      McpSchema.CallToolResult uncached = call(client, "forecast", Map.of("city", "Paris"));
      assertThat(failed(uncached)).isTrue();
      assertThat(text(uncached)).contains("UPSTREAM_UNAVAILABLE").contains("retry after");
      assertThat(health(server)).contains("\"status\":\"degraded\"").contains("circuit open");
      assertThat(server.get("/health").statusCode()).isEqualTo(200);

      upstream.failing(false);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> !failed(call(client, "forecast", Map.of("city", "Paris"))));
      assertThat(health(server)).contains("\"status\":\"healthy\"");
      assertThat(server.get("/metrics").body())
          .contains("mcp_cache_stale_served_total")
          .contains("resilience4j_circuitbreaker_state");
    }
  }

  @Test
  void aSlowUpstreamTimesOutAndLeavesNoThreadBehind() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    var slow =
        LayerFixtures.tool(
            "slow",
            (c, ctx) -> {
              worker.set(Thread.currentThread());
              Thread.sleep(30_000);
              return ToolResult.text("too late");
            });
    try (LayeredServer server =
        LayeredServer.start(
            SecurityEndToEndTest.manifest("auth: {mode: none}")
                .replace("  security:", "  resilience: {timeout: 300ms}\n  security:"),
            Map.of(),
            slow)) {
      long start = System.nanoTime();
      McpSchema.CallToolResult result = call(server.client(Map.of()), "slow", Map.of());

      assertThat(failed(result)).isTrue();
      assertThat(text(result)).contains("UPSTREAM_TIMEOUT").contains("300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      await().atMost(Duration.ofSeconds(5)).until(() -> !worker.get().isAlive());
    }
  }

  @TempDir Path keys;

  @Test
  void aBurstOverTheLimitGets429ForThatCallerOnly() throws Exception {
    Files.writeString(keys.resolve("greedy"), "greedy-key-000000000\n");
    Files.writeString(keys.resolve("calm"), "calm-key-00000000000\n");
    String manifest =
        SecurityEndToEndTest.manifest(
            """
            auth: {mode: apiKey, apiKey: {secretRef: keys}}
            rateLimit: {requestsPerSecond: 2, burst: 5}
            """);
    try (LayeredServer server =
        LayeredServer.start(manifest, Map.of("MCP_API_KEYS_DIR", keys.toString()))) {
      List<HttpResponse<String>> greedy = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        greedy.add(server.post(Map.of("X-API-Key", "greedy-key-000000000")));
      }

      List<HttpResponse<String>> refused =
          greedy.stream().filter(r -> r.statusCode() == 429).toList();
      assertThat(refused).hasSizeGreaterThanOrEqualTo(8);
      assertThat(refused.get(0).headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
      assertThat(refused.get(0).body())
          .contains("\"code\":\"RATE_LIMITED\"")
          .contains("retry_after");
      assertThat(server.post(Map.of("X-API-Key", "calm-key-00000000000")).statusCode())
          .isNotEqualTo(429);
      assertThat(server.get("/metrics").body())
          .contains("mcp_rate_limit_rejections_total{scope=\"caller\"}");
    }
  }

  @Test
  void loadTestOf1000CallsFrom50WorkersAllSucceed() throws Exception {
    Files.writeString(keys.resolve("load"), "load-key-00000000000\n");
    String manifest =
        SecurityEndToEndTest.manifest(
            """
            auth: {mode: apiKey, apiKey: {secretRef: keys}}
            rateLimit: {requestsPerSecond: 100000, burst: 100000}
            audit: {enabled: true}
            """);
    try (LayeredServer server =
        LayeredServer.start(manifest, Map.of("MCP_API_KEYS_DIR", keys.toString()))) {
      List<McpSyncClient> clients = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        clients.add(server.client(Map.of("X-API-Key", "load-key-00000000000")));
      }
      ExecutorService workers = Executors.newFixedThreadPool(50);
      List<Future<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        McpSyncClient client = clients.get(i % 50);
        String text = "call-" + i;
        calls.add(
            workers.submit(
                () -> {
                  McpSchema.CallToolResult r = call(client, "echo", Map.of("text", text));
                  return !failed(r) && text(r).contains("echo " + text);
                }));
      }
      long succeeded = 0;
      for (Future<Boolean> f : calls) {
        succeeded += f.get() ? 1 : 0;
      }
      workers.shutdown();

      assertThat(succeeded).isEqualTo(1000);
      assertThat(server.get("/metrics").body())
          .contains("mcp_tool_calls_total{outcome=\"success\",tool=\"echo\"} 1000.0");
    }
  }

  private static String health(LayeredServer server) throws Exception {
    return server.get("/health").body();
  }
}
