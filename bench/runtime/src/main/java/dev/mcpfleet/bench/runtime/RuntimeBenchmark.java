package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.Machine;
import dev.mcpfleet.bench.common.PerformanceDoc;
import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.load.GuideLoadTest;
import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;
import dev.mcpfleet.bench.runtime.load.Wrk;
import dev.mcpfleet.bench.runtime.report.RuntimeReport;
import dev.mcpfleet.bench.runtime.report.Versions;
import dev.mcpfleet.bench.runtime.target.Baselines;
import dev.mcpfleet.bench.runtime.target.Launch;
import dev.mcpfleet.bench.runtime.target.RunningTarget;
import dev.mcpfleet.bench.runtime.target.Target;
import dev.mcpfleet.bench.runtime.target.TypeScriptSdk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime benchmark: starts each server in turn as its own process, loads it with wrk at each
 * connection count, times its start to the first right answer, and reports everything as ratios
 * within the run. {@code bench/runtime.sh} runs it; see docs/performance.md.
 */
public final class RuntimeBenchmark {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final BenchOptions options;
  private final List<String> notes = new ArrayList<>();

  public RuntimeBenchmark(BenchOptions options) {
    this.options = options;
  }

  /** Runs, prints the report, writes its section; exits 1 when an answer was wrong. */
  public static void main(String[] args) {
    BenchOptions options = BenchOptions.parse(args);
    RuntimeResults results = new RuntimeBenchmark(options).run();
    String markdown = RuntimeReport.markdown(results);
    System.out.println(markdown);
    if (options.output() != null) {
      PerformanceDoc.writeSection(options.output(), options.section(), markdown);
      System.out.println("Wrote section '" + options.section() + "' of " + options.output());
    }
    if (results.errors() > 0 || !results.everyAnswerChecked()) {
      System.err.println("Wrong answers or unchecked answers: these figures do not count.");
      System.exit(1);
    }
  }

  /** Runs the benchmark in the options' mode. */
  public RuntimeResults run() {
    if (!Wrk.installed()) {
      throw new IllegalStateException(
          "wrk is not installed: apt-get install wrk (bench/runtime.sh does it for you)");
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    String serverCpus = options.pin() ? (cpus == 2 ? "1" : "1-" + (cpus - 1)) : "";
    Launch launch = new Launch(options.runDir(), serverCpus);
    Wrk wrk =
        new Wrk(
            options.runDir().resolve("wrk"),
            Launch.pinned(options.pin() ? "0" : ""),
            options.pin() ? 1 : cpus);
    String loadBefore = Machine.loadAverage();
    List<Target> targets = targets(launch);

    List<TargetFigures> load = new ArrayList<>();
    Map<String, List<Double>> startup = new LinkedHashMap<>();
    Map<String, GuideLoadTest.Outcome> guide = new LinkedHashMap<>();
    LoadMatrix matrix =
        new LoadMatrix(wrk, options.warmup(), options.duration(), options.connections());
    for (Target target : targets) {
      System.out.println("== " + target.name());
      List<Double> startMillis = new ArrayList<>();
      try (RunningTarget running = RunningTarget.start(target, READY_TIMEOUT)) {
        startMillis.add(running.startMillis());
        if (options.mode() == BenchOptions.Mode.GUIDE) {
          guide.put(
              target.name(),
              GuideLoadTest.guide().run(running.url(), target.shape(), target.call()));
        } else {
          load.add(matrix.measure(running));
        }
      }
      for (int round = 1;
          round < options.startupRounds() && options.mode() != BenchOptions.Mode.GUIDE;
          round++) {
        try (RunningTarget again = RunningTarget.start(target, READY_TIMEOUT)) {
          startMillis.add(again.startMillis());
        }
      }
      startup.put(target.name(), startMillis);
    }
    return new RuntimeResults(
        options,
        Machine.now(),
        Machine.describe(),
        loadBefore,
        Machine.loadAverage(),
        setup(serverCpus, wrk),
        versions(),
        load,
        startup,
        guide,
        notes);
  }

  private List<Target> targets(Launch launch) {
    List<Target> targets = new ArrayList<>();
    ToolCall echo = ToolCall.echo();
    targets.add(
        Baselines.nettyFixed(
            launch, RequestShape.MODERN, Baselines.cannedAnswer(RequestShape.MODERN, echo)));
    targets.add(Baselines.javaSdk(launch));
    if (TypeScriptSdk.available()) {
      targets.add(Baselines.typeScriptSdk(launch, TypeScriptSdk.install(typeScriptDir())));
    } else {
      notes.add("typescript-sdk skipped: node and npm are not on the PATH");
    }
    return targets.stream().filter(target -> options.selects(target.name())).toList();
  }

  private java.nio.file.Path typeScriptDir() {
    return java.nio.file.Path.of(
        System.getProperty("java.io.tmpdir"), "mcp-fleet-bench-typescript-sdk");
  }

  private String setup(String serverCpus, Wrk wrk) {
    String placement =
        serverCpus.isEmpty()
            ? "servers and wrk unpinned"
            : "servers pinned to CPU "
                + serverCpus
                + ", wrk ("
                + wrk.threads()
                + " thread) to CPU 0";
    return placement
        + "; warm-up "
        + options.warmup().toSeconds()
        + " s at 16 connections, then "
        + options.duration().toSeconds()
        + " s per run; every answer checked (JSON-RPC id, result text, no error)";
  }

  private List<String> versions() {
    List<String> versions = new ArrayList<>();
    versions.add(
        "MCP Java SDK "
            + Versions.maven("io.modelcontextprotocol.sdk", "mcp-core")
            + " on Tomcat "
            + Versions.maven("org.apache.tomcat.embed", "tomcat-embed-core"));
    if (TypeScriptSdk.available()) {
      versions.add(
          "MCP TypeScript SDK "
              + TypeScriptSdk.version(typeScriptDir())
              + " on Node "
              + Versions.commandOutput("node", "--version"));
    }
    versions.add("Netty " + Versions.maven("io.netty", "netty-codec-http") + " (fixed answer)");
    versions.add(Versions.commandOutput("wrk", "-v").replaceAll(" \\[.*", ""));
    return versions;
  }
}
