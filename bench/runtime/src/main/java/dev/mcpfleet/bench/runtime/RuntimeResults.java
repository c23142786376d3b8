package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.load.GuideLoadTest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of the runtime benchmark measured, with the conditions it ran in.
 *
 * @param loadBefore the load average when the run started
 * @param loadAfter the load average when it ended
 * @param setup how servers and generator were placed, and the run lengths
 * @param versions what was measured, e.g. {@code Java SDK 2.1.0 on Tomcat 11.0.27}
 * @param load the throughput runs, by target
 * @param startupMillis start-to-first-right-answer times, by target
 * @param guide the guide's load test, by target
 * @param notes what was skipped and why
 */
public record RuntimeResults(
    BenchOptions options,
    String date,
    String machine,
    String loadBefore,
    String loadAfter,
    String setup,
    List<String> versions,
    List<TargetFigures> load,
    Map<String, List<Double>> startupMillis,
    Map<String, GuideLoadTest.Outcome> guide,
    List<String> notes) {

  public RuntimeResults {
    versions = List.copyOf(versions);
    load = List.copyOf(load);
    startupMillis = Collections.unmodifiableMap(new LinkedHashMap<>(startupMillis));
    guide = Collections.unmodifiableMap(new LinkedHashMap<>(guide));
    notes = List.copyOf(notes);
  }

  /** Errors over every run, the guide's failed requests included. */
  public long errors() {
    long loadErrors = load.stream().mapToLong(TargetFigures::errors).sum();
    long guideFailures =
        guide.values().stream()
            .mapToLong(outcome -> outcome.requests() - outcome.successes())
            .sum();
    return loadErrors + guideFailures;
  }

  /** Whether every answer of every run went through the checks. */
  public boolean everyAnswerChecked() {
    return load.stream()
        .flatMap(target -> target.points().stream())
        .allMatch(point -> point.load().everyAnswerChecked() && point.load().checked() > 0);
  }
}
