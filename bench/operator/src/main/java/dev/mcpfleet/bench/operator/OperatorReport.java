package dev.mcpfleet.bench.operator;

import dev.mcpfleet.bench.common.Machine;
import java.util.List;
import java.util.Locale;

/** The operator benchmark's figures as the markdown section of docs/performance.md. */
final class OperatorReport {

  private OperatorReport() {}

  static String markdown(
      OperatorBenchOptions options,
      String date,
      String machine,
      String loadBefore,
      List<SizeFigures> figures) {
    StringBuilder md = new StringBuilder("## Operator: time to converge a fleet\n\n");
    md.append("- Command: `").append(options.command()).append("`\n");
    md.append("- Date: ").append(date).append("\n");
    md.append("- Machine: ").append(machine).append("\n");
    md.append("- Load average (1, 5, 15 min): ")
        .append(loadBefore)
        .append(" at the start, ")
        .append(Machine.loadAverage())
        .append(" at the end\n");
    md.append(
        "- API server: fabric8's mock (kubernetes-server-mock, CRUD mode) in the harness process;"
            + " no real API server is available on this machine. The operator runs with"
            + " server-side apply off, as the mock requires; convergence means every object plus"
            + " Accepted=True (nothing marks Deployments ready on the mock).\n");
    md.append("- Setup: McpServers from samples/hello.yaml over ")
        .append(options.namespaces())
        .append(" namespaces; ")
        .append(
            options.pin()
                ? "the operator and the tuned client pinned to CPU 1, the mock API server to CPU 0"
                : "unpinned")
        .append("; the tuned client writes ")
        .append(options.inFlight())
        .append(
            " McpServers at once, each: the McpServer, its objects (rendered by the operator's"
                + " own code), its status; the operator's JVM as the chart runs it (image"
                + " options, chart heap percentage and memory limit)")
        .append(
            options.operatorJvm().isEmpty()
                ? ""
                : " plus `" + String.join(" ", options.operatorJvm()) + "`")
        .append("\n\n");
    md.append(
        "| McpServers | tuned client s | operator s | ratio | writes per McpServer (client /"
            + " operator) | operator CPU s | heap peak MiB | heap live MiB | RSS MiB | steady"
            + " state | writes in steady state | CPU in steady state s |\n");
    md.append("|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|\n");
    for (SizeFigures f : figures) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.2f | %.2f | %.2f | %.1f / %.1f | %.1f | %.0f | %.0f | %.0f | %d s | %d |"
                  + " %.2f |\n",
              f.size(),
              f.directSeconds(),
              f.operatorSeconds(),
              f.ratio(),
              f.directWritesPerServer(),
              f.operatorWritesPerServer(),
              f.operatorCpuSeconds(),
              mib(f.peakHeapBytes()),
              mib(f.liveHeapBytes()),
              mib(f.peakRssBytes()),
              f.steady().toSeconds(),
              f.steadyWrites(),
              f.steadyCpuSeconds()));
    }
    md.append("\n").append(targets(figures));
    return md.toString();
  }

  private static String targets(List<SizeFigures> figures) {
    SizeFigures largest = figures.get(figures.size() - 1);
    StringBuilder md =
        new StringBuilder("### Targets\n\n| goal | measured | met |\n|---|---|---|\n");
    row(
        md,
        "operator time ≤ 1.5 × the tuned client's at " + largest.size() + " McpServers",
        String.format(Locale.ROOT, "%.2f ×", largest.ratio()),
        largest.ratio() <= 1.5);
    long steady = figures.stream().mapToLong(SizeFigures::steadyWrites).sum();
    row(md, "0 writes in steady state", steady + " writes", steady == 0);
    long heap = figures.stream().mapToLong(SizeFigures::peakHeapBytes).max().orElse(0);
    row(
        md,
        "operator heap < 256 MiB",
        String.format(Locale.ROOT, "%.0f MiB peak in use", mib(heap)),
        mib(heap) < 256);
    return md.toString();
  }

  private static void row(StringBuilder md, String goal, String measured, boolean met) {
    md.append("| ")
        .append(goal)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
