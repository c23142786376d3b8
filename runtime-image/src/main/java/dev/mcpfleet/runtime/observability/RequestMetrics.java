package dev.mcpfleet.runtime.observability;

import dev.mcpfleet.runtime.pipeline.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guide's request metrics: {@code mcp_requests_total{method,status}}, {@code
 * mcp_request_duration_seconds{method}} (a histogram) and {@code mcp_active_connections}. Every
 * meter is created up front for the known MCP methods (anything else counts as {@code other}, so a
 * client cannot blow up the number of series), and an answered request costs two map lookups.
 */
public final class RequestMetrics implements RequestObserver {

  /** The methods with their own series. */
  static final List<String> METHODS =
      List.of(
          "initialize",
          "ping",
          "server/discover",
          "tools/list",
          "tools/call",
          "resources/list",
          "resources/read",
          "resources/templates/list",
          "resources/subscribe",
          "resources/unsubscribe",
          "prompts/list",
          "prompts/get",
          "completion/complete",
          "logging/setLevel",
          "subscriptions/listen",
          "notifications/initialized",
          "notifications/cancelled",
          "GET",
          "POST",
          "DELETE",
          "other");

  /** The outcomes the protocol layer reports. */
  static final List<String> OUTCOMES = List.of("success", "error", "tool_error");

  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private record MethodMeters(Map<String, Counter> byOutcome, Timer duration) {}

  private final Map<String, MethodMeters> byMethod = new HashMap<>();
  private final MethodMeters other;
  private final AtomicInteger connections = new AtomicInteger();

  public RequestMetrics(MeterRegistry registry) {
    for (String method : METHODS) {
      Map<String, Counter> counters = new HashMap<>();
      for (String outcome : OUTCOMES) {
        counters.put(
            outcome,
            Counter.builder("mcp_requests")
                .description("MCP requests answered, by JSON-RPC method and outcome")
                .tag("method", method)
                .tag("status", outcome)
                .register(registry));
      }
      Timer timer =
          Timer.builder("mcp_request_duration")
              .description("Time from a request's arrival to its last byte, by method")
              .tag("method", method)
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
      byMethod.put(method, new MethodMeters(Map.copyOf(counters), timer));
    }
    other = byMethod.get("other");
    Gauge.builder("mcp_active_connections", connections, AtomicInteger::get)
        .description("Open client connections")
        .register(registry);
  }

  @Override
  public void answered(String method, String outcome, long nanos) {
    MethodMeters meters = byMethod.getOrDefault(method, other);
    Counter counter = meters.byOutcome().get(outcome);
    if (counter != null) {
      counter.increment();
    }
    meters.duration().record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void connections(int delta) {
    connections.addAndGet(delta);
  }
}
