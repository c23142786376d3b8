package dev.mcpfleet.bench.runtime.report;

import dev.mcpfleet.bench.runtime.LoadMatrix.Point;
import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.RuntimeResults;
import dev.mcpfleet.bench.runtime.servers.Target.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runtime's targets, each measured against this run's figures, and the ratios of every runtime
 * server to the baselines at every connection count.
 */
final class Verdicts {

  /** The runtime target the headline targets are about: the 20-tool server, layers off. */
  static final String RUNTIME = "runtime-text";

  static final String LAYERS = "runtime-text-layers";

  private Verdicts() {}

  /** One goal and what the run showed. */
  record Verdict(String goal, String measured, boolean met) {}

  static String table(RuntimeResults results) {
    StringBuilder md = new StringBuilder("### Targets\n\n");
    md.append("| goal | measured | met |\n|---|---|---|\n");
    for (Verdict verdict : verdicts(results)) {
      md.append("| ")
          .append(verdict.goal())
          .append(" | ")
          .append(verdict.measured())
          .append(" | ")
          .append(verdict.met() ? "yes" : "**no**")
          .append(" |\n");
    }
    return md.append("\n").append(ratios(results.load())).toString();
  }

  static List<Verdict> verdicts(RuntimeResults results) {
    List<TargetFigures> load = results.load();
    int top = results.options().connections().stream().max(Integer::compare).orElse(1);
    int mid = results.options().connections().contains(16) ? 16 : top;
    List<Verdict> verdicts = new ArrayList<>();
    Optional<TargetFigures> runtime = find(load, RUNTIME);
    if (runtime.isPresent()) {
      TargetFigures text = runtime.get();
      best(load, Role.SDK, top)
          .ifPresent(
              sdk ->
                  verdicts.add(
                      throughput(
                          RUNTIME + " ≥ 3 × the best SDK server (" + sdk.name() + ")",
                          text,
                          sdk,
                          top,
                          3.0)));
      best(load, Role.BASELINE, top)
          .ifPresent(
              fixed ->
                  verdicts.add(
                      throughput(
                          RUNTIME
                              + " ≥ 60 % of the best fixed-answer server ("
                              + fixed.name()
                              + ")",
                          text,
                          fixed,
                          top,
                          0.6)));
      find(load, "netty-fixed").ifPresent(netty -> verdicts.add(p99(text, netty, mid)));
      find(load, LAYERS)
          .ifPresent(
              layered ->
                  verdicts.add(
                      throughput(
                          LAYERS + " (every guide layer on) ≥ 80 % of " + RUNTIME,
                          layered,
                          text,
                          top,
                          0.8)));
      double peak = RuntimeReport.mib(text.peakRssBytes());
      verdicts.add(
          new Verdict(
              "resident memory of " + RUNTIME + " (20 tools) under load < 150 MiB",
              String.format(
                  Locale.ROOT,
                  "%.0f MiB idle, %.0f MiB peak",
                  RuntimeReport.mib(text.idleRssBytes()),
                  peak),
              peak < 150));
    }
    long errors = results.errors();
    verdicts.add(
        new Verdict("0 errors over all servers and runs", errors + " errors", errors == 0));
    List<Double> starts = results.startupMillis().get(RUNTIME);
    if (starts != null) {
      double median = Stats.median(starts);
      verdicts.add(
          new Verdict(
              "start to first right call of " + RUNTIME + " ≤ 500 ms (median)",
              String.format(Locale.ROOT, "%.0f ms", median),
              median <= 500));
    }
    return verdicts;
  }

  /** Every runtime server over the best SDK server and over netty-fixed, per connection count. */
  private static String ratios(List<TargetFigures> load) {
    StringBuilder md =
        new StringBuilder(
            "Ratios of right answers per second (runtime / other, same connections):\n\n");
    md.append("| runtime server | connections | / best SDK server | / netty-fixed |\n");
    md.append("|---|---:|---:|---:|\n");
    Optional<TargetFigures> netty = find(load, "netty-fixed");
    for (TargetFigures runtime : load) {
      if (runtime.role() != Role.RUNTIME) {
        continue;
      }
      for (Point point : runtime.points()) {
        int connections = point.connections();
        double rps = point.load().checkedPerSecond();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s |\n",
                runtime.name(),
                connections,
                best(load, Role.SDK, connections)
                    .map(b -> times(rps, rps(b, connections)))
                    .orElse("-"),
                netty.map(n -> times(rps, rps(n, connections))).orElse("-")));
      }
    }
    return md.toString();
  }

  private static Verdict throughput(
      String goal, TargetFigures mine, TargetFigures theirs, int connections, double atLeast) {
    double a = rps(mine, connections);
    double b = rps(theirs, connections);
    double ratio = b == 0 ? 0 : a / b;
    return new Verdict(
        goal + " at " + connections + " connections",
        String.format(Locale.ROOT, "%,.0f vs %,.0f answers/s = %.2f ×", a, b, ratio),
        ratio >= atLeast);
  }

  private static Verdict p99(TargetFigures runtime, TargetFigures netty, int connections) {
    double mine = p99Millis(runtime, connections);
    double theirs = p99Millis(netty, connections);
    return new Verdict(
        "p99 of " + RUNTIME + " ≤ 2.5 × netty-fixed's at " + connections + " connections",
        String.format(Locale.ROOT, "%.2f ms vs %.2f ms = %.2f ×", mine, theirs, mine / theirs),
        mine <= 2.5 * theirs);
  }

  private static String times(double a, double b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f ×", a / b);
  }

  private static Optional<TargetFigures> best(
      List<TargetFigures> load, Role role, int connections) {
    return load.stream()
        .filter(target -> target.role() == role && target.at(connections).isPresent())
        .max(Comparator.comparingDouble(target -> rps(target, connections)));
  }

  private static Optional<TargetFigures> find(List<TargetFigures> load, String name) {
    return load.stream().filter(target -> target.name().equals(name)).findFirst();
  }

  static double rps(TargetFigures target, int connections) {
    return target.at(connections).map(p -> p.load().checkedPerSecond()).orElse(0.0);
  }

  private static double p99Millis(TargetFigures target, int connections) {
    return target.at(connections).map(Point::load).map(l -> l.p99Micros() / 1000.0).orElse(0.0);
  }
}
