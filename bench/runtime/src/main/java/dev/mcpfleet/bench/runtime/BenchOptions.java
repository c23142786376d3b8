package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The runtime benchmark's options, from its command line.
 *
 * @param mode what to run
 * @param warmup load before each target's measured runs
 * @param duration each measured run
 * @param connections the connection counts of the runs
 * @param loadRounds rounds at each connection count (the median is reported)
 * @param startupRounds how often each target is started to time its first right answer
 * @param only target names to run (empty: all)
 * @param pin whether servers and the load generator get CPUs of their own (taskset)
 * @param output the markdown file whose section is rewritten, or null for none
 * @param repo the repository (for the runtime's launcher and manifests)
 * @param runDir scratch: logs, generated manifests, the TypeScript SDK install
 * @param command the command line as the user typed it, for the report
 */
public record BenchOptions(
    Mode mode,
    Duration warmup,
    Duration duration,
    List<Integer> connections,
    int loadRounds,
    int startupRounds,
    Set<String> only,
    boolean pin,
    Path output,
    Path repo,
    Path runDir,
    String command) {

  /** What a run measures. */
  public enum Mode {
    /** Throughput, latency, CPU, memory, start-up and layers on/off: the published figures. */
    FULL,
    /** The same, briefly: checks that the harness works (run by the tests). */
    SMOKE,
    /** The guide's load test: 1,000 requests, 50 workers, against every target. */
    GUIDE,
    /** Start-up only: each target started {@code --rounds} times, timed to its first right call. */
    STARTUP
  }

  public BenchOptions {
    connections = List.copyOf(connections);
    only = Set.copyOf(only);
  }

  /** Whether {@code target} is selected. */
  public boolean selects(String target) {
    return only.isEmpty() || only.contains(target);
  }

  /** The section of docs/performance.md this mode writes. */
  public String section() {
    return switch (mode) {
      case GUIDE -> "runtime-guide";
      case STARTUP -> "runtime-startup";
      default -> "runtime";
    };
  }

  /**
   * Parses {@code [--smoke|--guide|--startup] [--duration S] [--warmup S] [--connections 1,16,64]
   * [--load-rounds N] [--rounds N] [--only a,b] [--no-pin] [--output FILE|--no-output] [--repo DIR]
   * [--run-dir DIR]}.
   */
  public static BenchOptions parse(String[] args) {
    Arguments given = RunOptions.parse(new Arguments(), args);
    Mode mode = given.mode == null ? Mode.FULL : given.mode.selected();
    boolean smoke = mode == Mode.SMOKE;
    RunOptions run = given.run;
    return new BenchOptions(
        mode,
        Duration.ofSeconds(or(given.warmupSeconds, smoke ? 0L : 10L)),
        Duration.ofSeconds(or(given.durationSeconds, smoke ? 1L : 5L)),
        given.connections != null ? given.connections : smoke ? List.of(1, 16) : List.of(1, 16, 64),
        or(given.loadRounds, smoke ? 1 : 3),
        or(given.rounds, smoke ? 1 : 5),
        given.only == null ? Set.of() : Set.copyOf(given.only),
        run.pin(),
        run.output(!smoke),
        run.repo(),
        run.runDir("runtime"),
        RunOptions.commandLine("bench/runtime.sh", args));
  }

  private static <T> T or(T given, T otherwise) {
    return given != null ? given : otherwise;
  }

  /** The command line as picocli reads it; unset options take the mode's defaults. */
  @Command(name = "bench/runtime.sh")
  private static final class Arguments {

    @ArgGroup(exclusive = true)
    Modes mode;

    @Option(names = "--duration", paramLabel = "S", description = "Seconds per measured run.")
    Long durationSeconds;

    @Option(names = "--warmup", paramLabel = "S", description = "Seconds of load before them.")
    Long warmupSeconds;

    @Option(names = "--connections", paramLabel = "1,16,64", split = ",")
    List<Integer> connections;

    @Option(names = "--load-rounds", paramLabel = "N", description = "Rounds per connection count.")
    Integer loadRounds;

    @Option(names = "--rounds", paramLabel = "N", description = "Starts per server (--startup).")
    Integer rounds;

    @Option(names = "--only", paramLabel = "a,b", split = ",", description = "Targets to run.")
    List<String> only;

    @Mixin RunOptions run;
  }

  /** At most one mode; none is the full run. */
  private static final class Modes {
    @Option(names = "--smoke", description = "A short run that checks the harness.")
    boolean smoke;

    @Option(names = "--guide", description = "The guide's load test.")
    boolean guide;

    @Option(names = "--startup", description = "Start-up time only.")
    boolean startup;

    Mode selected() {
      return smoke ? Mode.SMOKE : guide ? Mode.GUIDE : startup ? Mode.STARTUP : Mode.FULL;
    }
  }
}
