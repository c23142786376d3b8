package dev.mcpfleet.bench.operator;

import dev.mcpfleet.bench.common.ChildProcess;
import dev.mcpfleet.bench.common.Machine;
import dev.mcpfleet.bench.common.PerformanceDoc;
import dev.mcpfleet.bench.common.ProcessStats;
import dev.mcpfleet.operator.testing.MockApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator benchmark: for each fleet size, on a fresh mock API server each time, first a tuned
 * client writes every McpServer with its objects and status itself, then the operator converges the
 * same McpServers created by the same client; the ratio of the two times is the operator's
 * overhead. Then a steady-state window counts the operator's writes (there should be none). {@code
 * bench/operator.sh} runs it; see docs/performance.md.
 */
public final class OperatorBenchmark {

  private static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final OperatorBenchOptions options;
  private final Fleet template;

  public OperatorBenchmark(OperatorBenchOptions options) {
    this.options = options;
    this.template = new Fleet(options.repo().resolve("samples/hello.yaml"), 0, 1);
  }

  /** Runs, prints the report and writes its section; exits 1 when the fleet did not converge. */
  public static void main(String[] args) {
    OperatorBenchOptions options;
    try {
      options = OperatorBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String loadBefore = Machine.loadAverage();
    List<SizeFigures> figures = new OperatorBenchmark(options).run();
    String markdown =
        OperatorReport.markdown(options, Machine.now(), Machine.describe(), loadBefore, figures);
    System.out.println(markdown);
    if (options.output() != null) {
      PerformanceDoc.writeSection(options.output(), "operator", markdown);
      System.out.println("Wrote section 'operator' of " + options.output());
    }
    System.exit(0);
  }

  /** Measures every size. */
  public List<SizeFigures> run() {
    List<SizeFigures> figures = new ArrayList<>();
    for (int size : options.sizes()) {
      Fleet fleet = new Fleet(template.manifest(), size, options.namespaces());
      System.out.println("== " + size + " McpServers: tuned client");
      Phase direct = direct(fleet);
      System.out.println("== " + size + " McpServers: operator");
      figures.add(operator(fleet, direct));
    }
    return figures;
  }

  /** Time and writes of a client that writes everything itself. */
  private Phase direct(Fleet fleet) {
    try (MockApiServer cluster = cluster();
        FleetWatch watch = new FleetWatch(cluster.client(), fleet);
        ChildProcess client = apply(cluster, fleet, "all")) {
      long started = startedAt(client);
      long converged = watch.awaitConverged(CONVERGE_TIMEOUT);
      awaitLine(client, "finished ");
      return new Phase((converged - started) / 1000.0, writes(cluster));
    }
  }

  private SizeFigures operator(Fleet fleet, Phase direct) {
    int port = ChildProcess.freePort();
    try (MockApiServer cluster = cluster();
        FleetWatch watch = new FleetWatch(cluster.client(), fleet);
        ChildProcess operator =
            start(
                "operator-" + fleet.size(),
                ChildProcess.javaCommand(
                    operatorJvm(), OperatorUnderMock.class, List.of(cluster.url())),
                Map.of("HTTP_PORT", Integer.toString(port)))) {
      OperatorProbe probe = new OperatorProbe(port, operator.pid());
      awaitReady(operator, probe);
      cluster.drainWrites();
      ProcessStats before = ProcessStats.of(operator.pid());
      AtomicLong peakHeap = new AtomicLong();
      AtomicBoolean converging = new AtomicBoolean(true);
      Thread sampler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (converging.get()) {
                      peakHeap.accumulateAndGet(probe.heapUsedBytes(), Math::max);
                      sleep(Duration.ofMillis(250));
                    }
                  });
      long started;
      long converged;
      try (ChildProcess user = apply(cluster, fleet, "servers")) {
        started = startedAt(user);
        converged = watch.awaitConverged(CONVERGE_TIMEOUT);
        awaitLine(user, "finished ");
      } finally {
        converging.set(false);
      }
      join(sampler);
      ProcessStats after = ProcessStats.of(operator.pid());
      long writes = writes(cluster) - fleet.size();

      System.out.println("   converged; steady state for " + options.steady().toSeconds() + " s");
      sleep(options.steady());
      long steadyWrites = writes(cluster);
      ProcessStats steady = ProcessStats.of(operator.pid());
      return new SizeFigures(
          fleet.size(),
          direct.seconds(),
          direct.writes(),
          (converged - started) / 1000.0,
          writes,
          after.cpuSecondsSince(before),
          peakHeap.get(),
          probe.liveHeapBytes(),
          after.rssBytes(),
          options.steady(),
          steadyWrites,
          steady.cpuSecondsSince(after));
    }
  }

  /**
   * The benchmark's API server: fabric8's mock in CRUD mode with the McpServer CRD registered. It
   * has no server-side apply, no garbage collection and no controllers, so the operator runs with
   * server-side apply off (as in the operator's own mock tests) and nothing marks Deployments
   * ready: convergence here means objects plus Accepted=True. Writes are counted from here on.
   */
  private static MockApiServer cluster() {
    MockApiServer cluster = MockApiServer.withMcpServerCrd();
    cluster.drainWrites();
    return cluster;
  }

  /** The writes (any method but GET) received since the last count; reads are dropped. */
  private static long writes(MockApiServer cluster) {
    return cluster.drainWrites().size();
  }

  private List<String> operatorJvm() {
    List<String> jvm = new ArrayList<>(OperatorCommand.jvmOptions(options.repo()));
    jvm.addAll(options.operatorJvm());
    return jvm;
  }

  /** The tuned client writing the fleet: everything ("all") or only the McpServers ("servers"). */
  private ChildProcess apply(MockApiServer cluster, Fleet fleet, String what) {
    return start(
        "client-" + what + "-" + fleet.size(),
        ChildProcess.javaCommand(
            List.of(),
            DirectApply.class,
            List.of(
                cluster.url(),
                fleet.manifest().toString(),
                Integer.toString(fleet.size()),
                Integer.toString(fleet.namespaces()),
                what,
                Integer.toString(options.inFlight()))),
        Map.of());
  }

  private ChildProcess start(String name, List<String> command, Map<String, String> env) {
    List<String> full = new ArrayList<>();
    if (options.pin()) {
      full.addAll(List.of("taskset", "-c", "1"));
    }
    full.addAll(command);
    return ChildProcess.start(
        name, full, options.repo(), env, options.runDir().resolve("logs").resolve(name + ".log"));
  }

  private static void awaitReady(ChildProcess operator, OperatorProbe probe) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!probe.ready()) {
      if (!operator.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the operator did not become ready" + operator.tail());
      }
      sleep(Duration.ofMillis(50));
    }
  }

  /** The epoch ms the client printed before its first write. */
  private static long startedAt(ChildProcess client) {
    String line = awaitLine(client, "started ");
    return Long.parseLong(line.substring("started ".length()).trim());
  }

  private static String awaitLine(ChildProcess process, String prefix) {
    long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : process.output().lines().toList()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " ended early" + process.tail());
      }
      sleep(Duration.ofMillis(5));
    }
    throw new IllegalStateException(
        process.name() + " printed no '" + prefix + "'" + process.tail());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Time to convergence and writes of one phase. */
  record Phase(double seconds, long writes) {}

  /** Where the sample manifest lives, for the report. */
  Path manifest() {
    return template.manifest();
  }
}
