package dev.mcpfleet.runtime.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.observability.HealthCheck.Result;
import dev.mcpfleet.runtime.observability.HealthCheck.Status;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /health} in the guide's shape: the overall status (the worst of the checks: healthy,
 * degraded or unhealthy) and each check with its status, message, response time and when it ran. A
 * check that throws counts as unhealthy. Only unhealthy answers HTTP 503: a degraded server (an
 * upstream down, Redis away) still serves and must not be restarted by its liveness probe.
 */
public final class HealthReport {

  private final Supplier<List<HealthCheck>> checks;
  private final Clock clock;

  /** The report of whatever checks {@code checks} lists when asked (the list changes). */
  public HealthReport(Supplier<List<HealthCheck>> checks, Clock clock) {
    this.checks = checks;
    this.clock = clock;
  }

  /** Runs every check. */
  public ObjectNode run() {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    Status overall = Status.HEALTHY;
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    for (HealthCheck check : checks.get()) {
      long start = System.nanoTime();
      Result result;
      try {
        result = check.check();
      } catch (RuntimeException e) {
        result = Result.unhealthy("health check failed: " + e);
      }
      double millis = Math.round((System.nanoTime() - start) / 1e4) / 100.0;
      overall = overall.worst(result.status());
      results
          .addObject()
          .put("name", check.name())
          .put("status", result.status().wire())
          .put("message", result.message())
          .put("response_time_ms", millis)
          .put("last_checked", clock.instant().toString());
    }
    report.put("status", overall.wire());
    report.set("checks", results);
    report.put("timestamp", clock.instant().toString());
    return report;
  }

  /** The HTTP status for a report: 503 when unhealthy, else 200. */
  public static int httpStatus(ObjectNode report) {
    return Status.UNHEALTHY.wire().equals(report.path("status").asText()) ? 503 : 200;
  }
}
