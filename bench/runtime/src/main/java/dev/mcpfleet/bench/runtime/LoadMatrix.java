package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.ProcessStats;
import dev.mcpfleet.bench.runtime.load.LoadFigures;
import dev.mcpfleet.bench.runtime.load.Wrk;
import dev.mcpfleet.bench.runtime.servers.RunningTarget;
import dev.mcpfleet.bench.runtime.servers.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads one running target at each connection count in turn, after a warm-up, measuring the
 * server's CPU (from /proc, before and after) and its peak resident memory (sampled) during each
 * run.
 *
 * @param warmup load before the measured runs (JIT compilation, connection pools); not reported
 */
public record LoadMatrix(Wrk wrk, Duration warmup, Duration duration, List<Integer> connections) {

  public LoadMatrix {
    connections = List.copyOf(connections);
  }

  /** Measures {@code running} at every connection count. */
  public TargetFigures measure(RunningTarget running) {
    Target target = running.target();
    long idleRss = ProcessStats.of(running.process().pid()).rssBytes();
    if (!warmup.isZero()) {
      wrk.run(running.url(), target.shape(), target.call(), 16, warmup);
    }
    List<Point> points = new ArrayList<>();
    for (int count : connections) {
      points.add(point(running, count));
    }
    return new TargetFigures(
        target.name(), target.role(), target.shape(), running.startMillis(), idleRss, points);
  }

  private Point point(RunningTarget running, int count) {
    long pid = running.process().pid();
    AtomicLong peakRss = new AtomicLong();
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread sampler =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (loading.get()) {
                    peakRss.accumulateAndGet(ProcessStats.of(pid).rssBytes(), Math::max);
                    sleep(Duration.ofMillis(200));
                  }
                });
    ProcessStats before = ProcessStats.of(pid);
    long started = System.nanoTime();
    Wrk.Result load =
        wrk.run(running.url(), running.target().shape(), running.target().call(), count, duration);
    double seconds = (System.nanoTime() - started) / 1e9;
    ProcessStats after = ProcessStats.of(pid);
    loading.set(false);
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Point(
        count,
        load.figures(),
        after.cpuSecondsSince(before) / seconds,
        load.generatorCores(),
        Math.max(peakRss.get(), after.rssBytes()));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One run at one connection count.
   *
   * @param serverCores the server's CPU time over the run's wall time (1.0 = one core busy)
   * @param generatorCores the same for the load generator
   */
  public record Point(
      int connections,
      LoadFigures load,
      double serverCores,
      double generatorCores,
      long peakRssBytes) {

    /** Right answers per second of server CPU: what a core of the server is worth. */
    public double checkedPerCpuSecond() {
      return serverCores == 0 ? 0 : load.checkedPerSecond() / serverCores;
    }
  }

  /**
   * All runs of one target.
   *
   * @param startMillis from process start to the first right answer
   * @param idleRssBytes resident memory after start, before load
   */
  public record TargetFigures(
      String name,
      Target.Role role,
      dev.mcpfleet.bench.runtime.load.RequestShape shape,
      double startMillis,
      long idleRssBytes,
      List<Point> points) {

    public TargetFigures {
      points = List.copyOf(points);
    }

    /** The run at {@code connections}, if there was one. */
    public Optional<Point> at(int connections) {
      return points.stream().filter(p -> p.connections() == connections).findFirst();
    }

    /** Errors over all runs. */
    public long errors() {
      return points.stream().mapToLong(p -> p.load().errors()).sum();
    }

    /** Peak resident memory over all runs. */
    public long peakRssBytes() {
      return points.stream().mapToLong(Point::peakRssBytes).max().orElse(idleRssBytes);
    }
  }
}
