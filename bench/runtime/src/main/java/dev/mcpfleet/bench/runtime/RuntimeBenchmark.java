package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.Machine;
import dev.mcpfleet.bench.common.PerformanceDoc;
import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.load.GuideLoadTest;
import dev.mcpfleet.bench.runtime.load.Wrk;
import dev.mcpfleet.bench.runtime.report.RuntimeReport;
import dev.mcpfleet.bench.runtime.report.Versions;
import dev.mcpfleet.bench.runtime.servers.Launch;
import dev.mcpfleet.bench.runtime.servers.RunningTarget;
import dev.mcpfleet.bench.runtime.servers.Target;
import dev.mcpfleet.bench.runtime.servers.TargetCatalog;
import dev.mcpfleet.bench.runtime.servers.TypeScriptSdk;
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

  /** Long enough for ./mcp-fleet to rebuild a stale runtime before it serves. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final BenchOptions options;

  public RuntimeBenchmark(BenchOptions options) {
    this.options = options;
  }

  /** Runs, prints the report, writes its section; exits 1 when an answer was wrong. */
  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
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
    boolean startupOnly = options.mode() == BenchOptions.Mode.STARTUP;
    if (!startupOnly && !Wrk.installed()) {
      throw new IllegalStateException(
          "wrk is not installed: apt-get install wrk (bench/runtime.sh does it for you)");
    }
    int cpus = Machine.cpus();
    String serverCpus = options.pin() ? (cpus == 2 ? "1" : "1-" + (cpus - 1)) : "";
    Launch launch = new Launch(options.runDir(), serverCpus);
    Wrk wrk =
        new Wrk(
            options.runDir().resolve("wrk"),
            Launch.pinned(options.pin() ? "0" : ""),
            options.pin() ? 1 : cpus);
    String loadBefore = Machine.loadAverage();
    List<TargetFigures> load = new ArrayList<>();
    Map<String, List<Double>> startup = new LinkedHashMap<>();
    Map<String, GuideLoadTest.Outcome> guide = new LinkedHashMap<>();
    LoadMatrix matrix =
        new LoadMatrix(
            wrk, options.warmup(), options.duration(), options.connections(), options.loadRounds());
    List<String> notes;
    try (TargetCatalog catalog = new TargetCatalog(launch, options.repo())) {
      List<Target> targets = catalog.targets(options::selects, READY_TIMEOUT);
      List<RunningTarget> running = new ArrayList<>();
      try {
        // Start-up only: no server runs besides the one being started.
        for (Target target : startupOnly ? List.<Target>of() : targets) {
          System.out.println("== starting " + target.name());
          RunningTarget started = RunningTarget.start(target, READY_TIMEOUT);
          running.add(started);
          catalog.started(started);
          startup.put(target.name(), new ArrayList<>(List.of(started.startMillis())));
        }
        if (startupOnly) {
          // measured below
        } else if (options.mode() == BenchOptions.Mode.GUIDE) {
          System.out.println("== loading " + running.size() + " servers in turn");
          for (RunningTarget r : running) {
            Target t = r.target();
            guide.put(t.name(), GuideLoadTest.guide().run(r.url(), t.shape(), t.call()));
          }
        } else {
          System.out.println("== loading " + running.size() + " servers in turn");
          load.addAll(matrix.measure(running));
        }
      } finally {
        running.forEach(RunningTarget::close);
      }
      for (Target target : targets) {
        startup.putIfAbsent(target.name(), new ArrayList<>());
        for (int round = startup.get(target.name()).size(); round < startupRounds(); round++) {
          try (RunningTarget again = RunningTarget.start(target, READY_TIMEOUT)) {
            startup.get(target.name()).add(again.startMillis());
          }
        }
      }
      notes = catalog.notes();
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

  private int startupRounds() {
    return options.mode() == BenchOptions.Mode.GUIDE ? 1 : options.startupRounds();
  }

  private String setup(String serverCpus, Wrk wrk) {
    if (options.mode() == BenchOptions.Mode.STARTUP) {
      return (serverCpus.isEmpty() ? "servers unpinned" : "servers pinned to CPU " + serverCpus)
          + "; each server started "
          + startupRounds()
          + " times, one process at a time, and timed from the start of its process to its"
          + " first right answer to the echo tools/call (median reported)";
    }
    String placement =
        serverCpus.isEmpty()
            ? "servers and wrk unpinned"
            : "servers pinned to CPU "
                + serverCpus
                + ", wrk ("
                + wrk.threads()
                + " thread) to CPU 0";
    return placement
        + "; all servers up at once, each warmed up "
        + options.warmup().toSeconds()
        + " s at 16 connections, then "
        + options.loadRounds()
        + " rounds of "
        + options.duration().toSeconds()
        + " s per connection count, the servers loaded in turn in each round, the median round"
        + " reported; every answer checked (JSON-RPC id, result text, no error)";
  }

  private List<String> versions() {
    List<String> versions = new ArrayList<>();
    versions.add(
        "MCP Java SDK "
            + Versions.maven("io.modelcontextprotocol.sdk", "mcp-core")
            + " on "
            + org.apache.catalina.util.ServerInfo.getServerInfo());
    if (TypeScriptSdk.available()) {
      versions.add(
          "MCP TypeScript SDK "
              + TypeScriptSdk.version(TargetCatalog.typeScriptDir())
              + " on Node "
              + Versions.commandOutput("node", "--version"));
    }
    versions.add("Netty " + Versions.maven("io.netty", "netty-codec-http") + " (fixed answer)");
    versions.add(Versions.commandOutput("wrk", "-v").replaceAll(" \\[.*", ""));
    return versions;
  }
}
