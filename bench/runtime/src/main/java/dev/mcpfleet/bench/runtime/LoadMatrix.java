package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.ProcessStats;
import dev.mcpfleet.bench.runtime.load.LoadFigures;
import dev.mcpfleet.bench.runtime.load.Wrk;
import dev.mcpfleet.bench.runtime.servers.RunningTarget;
import dev.mcpfleet.bench.runtime.servers.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the running targets in turn: after a warm-up of each, every connection count gets {@code
 * rounds} rounds, and each round loads every target once, so that a burst of outside load on this
 * shared machine hits one round of every target rather than all runs of one. The median round (by
 * right answers per second) is reported, with the peak memory of all rounds. Server CPU comes from
 * /proc before and after each run; resident memory is sampled during it.
 *
 * @param warmup load before the measured runs (JIT compilation, connection pools); not reported
 */
public record LoadMatrix(
    Wrk wrk, Duration warmup, Duration duration, List<Integer> connections, int rounds) {

  public LoadMatrix {
    connections = List.copyOf(connections);
  }

  /** Measures every target at every connection count. */
  public List<TargetFigures> measure(List<RunningTarget> targets) {
    Map<RunningTarget, Long> idleRss = new LinkedHashMap<>();
    for (RunningTarget running : targets) {
      idleRss.put(running, ProcessStats.of(running.process().pid()).rssBytes());
      if (!warmup.isZero()) {
        Target target = running.target();
        wrk.run(running.url(), target.shape(), target.call(), 16, warmup);
      }
    }
    Map<RunningTarget, List<Point>> points = new LinkedHashMap<>();
    for (int count : connections) {
      Map<RunningTarget, List<Point>> runs = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (RunningTarget running : targets) {
          runs.computeIfAbsent(running, r -> new ArrayList<>()).add(point(running, count));
        }
      }
      runs.forEach(
          (running, all) ->
              points.computeIfAbsent(running, r -> new ArrayList<>()).add(median(all)));
    }
    List<TargetFigures> figures = new ArrayList<>();
    for (RunningTarget running : targets) {
      Target target = running.target();
      figures.add(
          new TargetFigures(
              target.name(),
              target.role(),
              target.shape(),
              running.startMillis(),
              idleRss.get(running),
              points.get(running)));
    }
    return figures;
  }

  /** The round with the median throughput, carrying the peak memory of all rounds. */
  static Point median(List<Point> rounds) {
    List<Point> sorted =
        rounds.stream()
            .sorted(Comparator.comparingDouble(p -> p.load().checkedPerSecond()))
            .toList();
    Point middle = sorted.get(sorted.size() / 2);
    long peak = rounds.stream().mapToLong(Point::peakRssBytes).max().orElse(0);
    return new Point(
        middle.connections(),
        middle.load(),
        middle.serverCores(),
        middle.generatorCores(),
        peak,
        rounds.stream().mapToLong(p -> p.load().errors()).sum());
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
        Math.max(peakRss.get(), after.rssBytes()),
        load.figures().errors());
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
   * @param roundErrors errors over every round at this connection count, not only the median one
   */
  public record Point(
      int connections,
      LoadFigures load,
      double serverCores,
      double generatorCores,
      long peakRssBytes,
      long roundErrors) {

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

    /** Errors over all runs, every round included. */
    public long errors() {
      return points.stream().mapToLong(Point::roundErrors).sum();
    }

    /** Peak resident memory over all runs. */
    public long peakRssBytes() {
      return points.stream().mapToLong(Point::peakRssBytes).max().orElse(idleRssBytes);
    }
  }
}
