package dev.mcpfleet.runtime.observability;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.mcpfleet.api.spec.ObservabilitySpec;
import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservabilityTest {

  @Test
  void requestMetricsUseTheGuidesNames() {
    Metrics metrics = new Metrics();
    RequestMetrics observer = new RequestMetrics(metrics.registry());

    observer.answered("tools/call", "success", 2_000_000);
    observer.answered("tools/call", "tool_error", 40_000_000);
    observer.answered("made/up", "error", 1_000);
    observer.connections(1);
    observer.connections(1);
    observer.connections(-1);

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("mcp_requests_total{method=\"tools/call\",status=\"success\"} 1.0")
        .contains("mcp_requests_total{method=\"tools/call\",status=\"tool_error\"} 1.0")
        .contains("mcp_requests_total{method=\"other\",status=\"error\"} 1.0")
        .contains("mcp_request_duration_seconds_bucket{method=\"tools/call\",le=\"0.005\"} 1")
        .contains("mcp_active_connections 1.0")
        .contains("mcp_log_lines_dropped_total")
        .contains("jvm_memory_used_bytes");
    metrics.close();
  }

  @Test
  void toolMetricsCountOutcomesAndCodes() throws Exception {
    Metrics metrics = new Metrics();
    ToolMetricsLayer layer = new ToolMetricsLayer(metrics.registry(), List.of("t"));
    var ok = LayerFixtures.tool("t", (c, ctx) -> ToolResult.text("ok"));
    var bad =
        LayerFixtures.tool(
            "t",
            (c, ctx) ->
                dev.mcpfleet.runtime.pipeline.ClassifiedError.client("INVALID_INPUT", "no")
                    .toToolResult());

    call(layer, ok, Caller.ANONYMOUS);
    call(layer, bad, Caller.ANONYMOUS);

    assertThat(metrics.scrape())
        .contains("mcp_tool_calls_total{outcome=\"success\",tool=\"t\"} 1.0")
        .contains("mcp_tool_calls_total{outcome=\"tool_error\",tool=\"t\"} 1.0")
        .contains("mcp_tool_errors_total{code=\"INVALID_INPUT\",tool=\"t\"} 1.0")
        .contains("mcp_tool_duration_seconds_count{tool=\"t\"} 2");
    metrics.close();
  }

  @Test
  void healthIsTheWorstCheckAndOnlyUnhealthyAnswers503() {
    HealthCheck good = check("a", HealthCheck.Result.healthy("fine"));
    HealthCheck meh = check("b", HealthCheck.Result.degraded("slow"));
    HealthCheck broken =
        new HealthCheck() {
          public String name() {
            return "c";
          }

          public Result check() {
            throw new IllegalStateException("boom");
          }
        };

    var degraded = new HealthReport(() -> List.of(good, meh), Clock.systemUTC()).run();
    var unhealthy = new HealthReport(() -> List.of(good, broken), Clock.systemUTC()).run();

    assertThat(degraded.path("status").asText()).isEqualTo("degraded");
    assertThat(HealthReport.httpStatus(degraded)).isEqualTo(200);
    var first = degraded.path("checks").get(0);
    assertThat(first.path("name").asText()).isEqualTo("a");
    assertThat(first.path("status").asText()).isEqualTo("healthy");
    assertThat(first.path("message").asText()).isEqualTo("fine");
    assertThat(first.has("response_time_ms")).isTrue();
    assertThat(first.has("last_checked")).isTrue();
    assertThat(unhealthy.path("status").asText()).isEqualTo("unhealthy");
    assertThat(unhealthy.path("checks").get(1).path("message").asText()).contains("boom");
    assertThat(HealthReport.httpStatus(unhealthy)).isEqualTo(503);
  }

  @Test
  void readinessTurnsFalseWhenDraining() {
    Readiness readiness = new Readiness(() -> true);
    assertThat(readiness.ready()).isTrue();

    readiness.drain();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.report().path("reason").asText()).isEqualTo("shutting down");
  }

  @Test
  void anIncomingTraceparentIsKeptAndAChildHandedToTools() throws Exception {
    String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    AtomicReference<String> seenByTool = new AtomicReference<>();
    AtomicReference<String> mdcRequestId = new AtomicReference<>();
    var tool =
        LayerFixtures.tool(
            "t",
            (c, ctx) -> {
              seenByTool.set(ctx.traceparent());
              mdcRequestId.set(MDC.get(RequestContextLayer.REQUEST_ID));
              return ToolResult.text("ok");
            });
    var context = new LayerFixtures.TestContext(Caller.ANONYMOUS, "req-42", incoming);

    call(List.of(new RequestContextLayer()), tool, args("{}"), context);

    assertThat(seenByTool.get())
        .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
        .endsWith("-01")
        .isNotEqualTo(incoming);
    assertThat(mdcRequestId.get()).isEqualTo("req-42");
    assertThat(MDC.get(RequestContextLayer.REQUEST_ID)).isNull();
  }

  @Test
  void malformedTraceparentsStartANewTrace() {
    for (String bad :
        new String[] {
          null,
          "garbage",
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        }) {
      TraceContext trace = TraceContext.accept(bad);
      assertThat(trace.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
      assertThat(trace.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
  }

  @Test
  void logFormatComesFromTheEnvironmentThenTheManifestThenWhereWeRun() {
    var json = new ObservabilitySpec(null, ObservabilitySpec.LogFormat.JSON, null, null);

    assertThat(Logging.Settings.resolve(Map.of(), null).format()).isEqualTo(Logging.Format.TEXT);
    assertThat(
            Logging.Settings.resolve(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), null).format())
        .isEqualTo(Logging.Format.JSON);
    assertThat(Logging.Settings.resolve(Map.of(), json).format()).isEqualTo(Logging.Format.JSON);
    assertThat(Logging.Settings.resolve(Map.of("MCP_LOG_FORMAT", "text"), json).format())
        .isEqualTo(Logging.Format.TEXT);
    assertThat(
            Logging.Settings.resolve(Map.of("MCP_OBSERVABILITY_LOGLEVEL", "debug"), null).level())
        .isEqualTo(Level.DEBUG);
  }

  @Test
  void jsonLinesCarryTheRequestId() {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    MDC.put(RequestContextLayer.REQUEST_ID, "req-7");
    try {
      LoggingEvent event =
          new LoggingEvent(
              "x",
              context.getLogger("dev.mcpfleet.test"),
              Level.INFO,
              "calling upstream",
              null,
              null);

      String line = new String(encoder.encode(event), StandardCharsets.UTF_8).strip();

      assertThat(LayerFixtures.json(line).path("requestId").asText()).isEqualTo("req-7");
      assertThat(LayerFixtures.json(line).path("message").asText()).isEqualTo("calling upstream");
    } finally {
      MDC.clear();
    }
  }

  private static HealthCheck check(String name, HealthCheck.Result result) {
    return new HealthCheck() {
      public String name() {
        return name;
      }

      public Result check() {
        return result;
      }
    };
  }
}
