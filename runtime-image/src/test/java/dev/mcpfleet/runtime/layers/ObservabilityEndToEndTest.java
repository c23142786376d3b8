package dev.mcpfleet.runtime.layers;

import static dev.mcpfleet.runtime.layers.LayeredServer.call;
import static dev.mcpfleet.runtime.layers.LayeredServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /health, /ready, /metrics and trace propagation over HTTP. */
class ObservabilityEndToEndTest {

  @Test
  void healthReadyMetricsAndTraceContextWorkThroughTheServer() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream();
        LayeredServer server =
            LayeredServer.start(
                ResilienceEndToEndTest.weather(upstream.url(), "timeout: 5s"), Map.of())) {
      String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
      McpSyncClient client =
          server.client(Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

      assertThat(text(call(client, "forecast", Map.of("city", "Lyon")))).contains("temp");

      assertThat(upstream.lastTraceparent.get())
          .startsWith("00-" + traceId + "-")
          .doesNotContain("00f067aa0ba902b7");
      JsonNode health = LayerFixtures.json(server.get("/health").body());
      assertThat(health.path("status").asText()).isEqualTo("healthy");
      assertThat(health.path("checks").findValuesAsText("name"))
          .contains("definition", "cache", "upstream:127.0.0.1:" + upstream.url().split(":")[2]);
      assertThat(server.get("/ready").statusCode()).isEqualTo(200);
      String metrics = server.get("/metrics").body();
      assertThat(metrics)
          .contains("mcp_requests_total{method=\"tools/call\",status=\"success\"} 1.0")
          .contains("mcp_request_duration_seconds_bucket")
          .contains("mcp_active_connections")
          .contains("mcp_tool_calls_total{outcome=\"success\",tool=\"forecast\"} 1.0")
          .contains("mcp_cache_misses_total 1.0");

      server.services.readiness().drain();

      assertThat(server.get("/ready").statusCode()).isEqualTo(503);
      assertThat(server.post(Map.of()).statusCode()).isEqualTo(503);
    }
  }
}
