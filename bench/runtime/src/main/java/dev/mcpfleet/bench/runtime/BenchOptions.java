package dev.mcpfleet.bench.runtime;

import dev.mcpfleet.bench.common.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
    Mode mode = Mode.FULL;
    for (String arg : args) {
      if (arg.equals("--smoke")) {
        mode = Mode.SMOKE;
      } else if (arg.equals("--guide")) {
        mode = Mode.GUIDE;
      } else if (arg.equals("--startup")) {
        mode = Mode.STARTUP;
      }
    }
    boolean smoke = mode == Mode.SMOKE;
    Duration warmup = Duration.ofSeconds(smoke ? 0 : 10);
    Duration duration = Duration.ofSeconds(smoke ? 1 : 5);
    int loadRounds = smoke ? 1 : 3;
    List<Integer> connections = smoke ? List.of(1, 16) : List.of(1, 16, 64);
    int rounds = smoke ? 1 : 5;
    Set<String> only = Set.of();
    boolean pin = Machine.cpus() >= 2;
    Path repo = Path.of(System.getProperty("user.dir"));
    Path output = null;
    boolean writes = !smoke;
    Path runDir = null;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "--smoke", "--guide", "--startup" -> {}
        case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value(rest, ++i, arg)));
        case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value(rest, ++i, arg)));
        case "--connections" ->
            connections =
                Arrays.stream(value(rest, ++i, arg).split(",")).map(Integer::parseInt).toList();
        case "--rounds" -> rounds = Integer.parseInt(value(rest, ++i, arg));
        case "--load-rounds" -> loadRounds = Integer.parseInt(value(rest, ++i, arg));
        case "--only" -> only = Set.of(value(rest, ++i, arg).split(","));
        case "--no-pin" -> pin = false;
        case "--output" -> output = Path.of(value(rest, ++i, arg));
        case "--no-output" -> writes = false;
        case "--repo" -> repo = Path.of(value(rest, ++i, arg));
        case "--run-dir" -> runDir = Path.of(value(rest, ++i, arg));
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + arg
                    + "; use --smoke, --guide, --startup, --duration S, --warmup S, --connections 1,16,64,"
                    + " --load-rounds N, --rounds N, --only a,b, --no-pin, --output FILE, --no-output, --repo DIR,"
                    + " --run-dir DIR");
      }
    }
    if (output == null && writes) {
      output = repo.resolve("docs/performance.md");
    }
    if (runDir == null) {
      runDir = repo.resolve("bench/runtime/target/bench-run");
    }
    String command = "bench/runtime.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
    return new BenchOptions(
        mode,
        warmup,
        duration,
        connections,
        loadRounds,
        rounds,
        only,
        pin,
        output,
        repo,
        runDir,
        command);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}
