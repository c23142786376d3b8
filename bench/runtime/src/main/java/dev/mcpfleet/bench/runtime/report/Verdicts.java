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

/** The runtime's targets (issue: benchmarks), each measured against this run's figures. */
final class Verdicts {

  /** The runtime target the headline ratios are about. */
  static final String RUNTIME = "runtime-text";

  private Verdicts() {}

  /** One goal and what the run showed. */
  record Verdict(String goal, String measured, boolean met) {}

  static String table(RuntimeResults results) {
    StringBuilder md = new StringBuilder("### Ratios and targets\n\n");
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
    return md.toString();
  }

  static List<Verdict> verdicts(RuntimeResults results) {
    List<TargetFigures> load = results.load();
    int top = results.options().connections().stream().max(Integer::compare).orElse(1);
    int mid = results.options().connections().contains(16) ? 16 : top;
    List<Verdict> verdicts = new ArrayList<>();
    Optional<Best> baseline = best(load, Role.BASELINE, top);
    Optional<Best> sdk = best(load, Role.SDK, top);
    for (TargetFigures runtime : load) {
      if (runtime.role() != Role.RUNTIME) {
        continue;
      }
      double rps = rps(runtime, top);
      sdk.ifPresent(
          best ->
              verdicts.add(
                  ratio(
                      runtime.name()
                          + " ≥ 3 × the best SDK server ("
                          + best.name
                          + ") at "
                          + top
                          + " connections",
                      rps,
                      best.rps,
                      3.0)));
      baseline.ifPresent(
          best ->
              verdicts.add(
                  ratio(
                      runtime.name()
                          + " ≥ 60 % of the best fixed-answer server ("
                          + best.name
                          + ") at "
                          + top
                          + " connections",
                      rps,
                      best.rps,
                      0.6)));
    }
    Optional<TargetFigures> runtime = find(load, RUNTIME);
    Optional<TargetFigures> netty = find(load, "netty-fixed");
    if (runtime.isPresent() && netty.isPresent()) {
      double mine = p99(runtime.get(), mid);
      double theirs = p99(netty.get(), mid);
      verdicts.add(
          new Verdict(
              "p99 of " + RUNTIME + " ≤ 2.5 × netty-fixed's at " + mid + " connections",
              String.format(
                  Locale.ROOT, "%.2f ms vs %.2f ms = %.2f ×", mine, theirs, mine / theirs),
              mine <= 2.5 * theirs));
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

  private static Verdict ratio(String goal, double mine, double theirs, double atLeast) {
    double ratio = theirs == 0 ? 0 : mine / theirs;
    return new Verdict(
        goal,
        String.format(Locale.ROOT, "%,.0f vs %,.0f answers/s = %.2f ×", mine, theirs, ratio),
        ratio >= atLeast);
  }

  private record Best(String name, double rps) {}

  private static Optional<Best> best(List<TargetFigures> load, Role role, int connections) {
    return load.stream()
        .filter(target -> target.role() == role)
        .map(target -> new Best(target.name(), rps(target, connections)))
        .max(Comparator.comparingDouble(Best::rps));
  }

  private static Optional<TargetFigures> find(List<TargetFigures> load, String name) {
    return load.stream().filter(target -> target.name().equals(name)).findFirst();
  }

  private static double rps(TargetFigures target, int connections) {
    return target.at(connections).map(p -> p.load().checkedPerSecond()).orElse(0.0);
  }

  private static double p99(TargetFigures target, int connections) {
    return target.at(connections).map(Point::load).map(l -> l.p99Micros() / 1000.0).orElse(0.0);
  }
}
