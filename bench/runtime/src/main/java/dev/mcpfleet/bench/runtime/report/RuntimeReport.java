package dev.mcpfleet.bench.runtime.report;

import dev.mcpfleet.bench.runtime.BenchOptions;
import dev.mcpfleet.bench.runtime.LoadMatrix.Point;
import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.RuntimeResults;
import dev.mcpfleet.bench.runtime.load.GuideLoadTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The runtime benchmark's figures as the markdown section of docs/performance.md. */
public final class RuntimeReport {

  private RuntimeReport() {}

  /** The whole section. */
  public static String markdown(RuntimeResults results) {
    StringBuilder md = new StringBuilder();
    md.append(
        switch (results.options().mode()) {
          case GUIDE -> "## Runtime: the guide's load test (1,000 requests, 50 workers)\n\n";
          case STARTUP -> "## Runtime: process start to first right tools/call\n\n";
          default -> "## Runtime: tools/call over Streamable HTTP\n\n";
        });
    md.append("- Command: `").append(results.options().command()).append("`\n");
    md.append("- Date: ").append(results.date()).append("\n");
    md.append("- Machine: ").append(results.machine()).append("\n");
    md.append("- Load average (1, 5, 15 min): ")
        .append(results.loadBefore())
        .append(" at the start, ")
        .append(results.loadAfter())
        .append(" at the end (the machine is shared: compare ratios within this run)\n");
    md.append("- Setup: ").append(results.setup()).append("\n");
    md.append("- Versions: ").append(String.join("; ", results.versions())).append("\n");
    results.notes().forEach(note -> md.append("- Note: ").append(note).append("\n"));
    md.append("\n");
    if (!results.load().isEmpty()) {
      md.append(loadTable(results.load())).append("\n");
      md.append(startupTable(results.startupMillis())).append("\n");
      md.append(Verdicts.table(results)).append("\n");
    }
    if (results.options().mode() == BenchOptions.Mode.STARTUP) {
      md.append(startupTable(results.startupMillis())).append("\n");
    }
    if (!results.guide().isEmpty()) {
      md.append(guideTable(results.guide())).append("\n");
    }
    return md.toString();
  }

  private static String loadTable(List<TargetFigures> load) {
    StringBuilder md = new StringBuilder("### Throughput, latency, CPU, memory\n\n");
    md.append(
        "| server | request | connections | right answers/s | p50 ms | p95 ms | p99 ms | errors"
            + " | server CPU (cores) | answers per CPU-second | wrk CPU (cores) | peak RSS MiB |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TargetFigures target : load) {
      for (Point point : target.points()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %,.0f | %.2f | %.2f | %.2f | %d | %.2f | %,.0f | %.2f | %.0f |\n",
                target.name(),
                target.shape().version(),
                point.connections(),
                point.load().checkedPerSecond(),
                point.load().p50Micros() / 1000.0,
                point.load().p95Micros() / 1000.0,
                point.load().p99Micros() / 1000.0,
                point.load().errors(),
                point.serverCores(),
                point.checkedPerCpuSecond(),
                point.generatorCores(),
                mib(point.peakRssBytes())));
      }
    }
    for (TargetFigures target : load) {
      for (Point point : target.points()) {
        if (!point.load().firstFailure().isEmpty()) {
          md.append("\nFirst wrong answer of ")
              .append(target.name())
              .append(" at ")
              .append(point.connections())
              .append(" connections: `")
              .append(point.load().firstFailure().replace('`', '\''))
              .append("`\n");
        }
      }
    }
    return md.toString();
  }

  private static String startupTable(Map<String, List<Double>> startup) {
    StringBuilder md = new StringBuilder("### Process start to first right tools/call\n\n");
    md.append("| server | median ms | min ms | max ms | starts |\n|---|---:|---:|---:|---:|\n");
    startup.forEach(
        (name, millis) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %d |\n",
                    name,
                    Stats.median(millis),
                    millis.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    millis.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    millis.size())));
    return md.toString();
  }

  private static String guideTable(Map<String, GuideLoadTest.Outcome> guide) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| server | requests | succeeded | success rate | guide (> 99 %) | MCP Fleet (100 %)"
            + " | p50 ms | p95 ms | p99 ms | wall s |\n");
    md.append("|---|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
    guide.forEach(
        (name, outcome) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f %% | %s | %s | %.2f | %.2f | %.2f | %.2f |\n",
                    name,
                    outcome.requests(),
                    outcome.successes(),
                    outcome.successRate() * 100,
                    outcome.passesGuide() ? "pass" : "FAIL",
                    outcome.successes() == outcome.requests() ? "pass" : "FAIL",
                    outcome.p50Micros() / 1000.0,
                    outcome.p95Micros() / 1000.0,
                    outcome.p99Micros() / 1000.0,
                    outcome.seconds())));
    guide.forEach(
        (name, outcome) -> {
          if (!outcome.firstFailure().isEmpty()) {
            md.append("\nFirst failure of ")
                .append(name)
                .append(": `")
                .append(outcome.firstFailure().replace('`', '\''))
                .append("`\n");
          }
        });
    return md.toString();
  }

  static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
