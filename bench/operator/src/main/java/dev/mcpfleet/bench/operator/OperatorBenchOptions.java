package dev.mcpfleet.bench.operator;

import dev.mcpfleet.bench.common.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operator benchmark's options, from its command line.
 *
 * @param sizes how many McpServers, one measurement each
 * @param namespaces how many namespaces they are spread over
 * @param steady the steady-state window after each convergence (writes should be 0)
 * @param inFlight how many McpServers the tuned client writes at once
 * @param pin whether the operator and the client get a CPU of their own (taskset)
 * @param operatorJvm JVM options added after the chart's, e.g. to try a heap size
 * @param output the markdown file whose section is rewritten, or null for none
 * @param repo the repository (samples, Dockerfile, chart values)
 * @param runDir scratch: logs
 * @param command the command line as typed, for the report
 */
public record OperatorBenchOptions(
    boolean smoke,
    List<Integer> sizes,
    int namespaces,
    Duration steady,
    int inFlight,
    boolean pin,
    List<String> operatorJvm,
    Path output,
    Path repo,
    Path runDir,
    String command) {

  public OperatorBenchOptions {
    sizes = List.copyOf(sizes);
    operatorJvm = List.copyOf(operatorJvm);
  }

  /**
   * Parses {@code [--smoke] [--sizes 100,1000] [--namespaces 10] [--steady S] [--in-flight N]
   * [--no-pin] [--operator-jvm "OPTIONS"] [--output FILE|--no-output] [--repo DIR] [--run-dir
   * DIR]}.
   */
  public static OperatorBenchOptions parse(String[] args) {
    boolean smoke = Arrays.asList(args).contains("--smoke");
    List<Integer> sizes = smoke ? List.of(20) : List.of(100, 1000);
    int namespaces = 10;
    Duration steady = Duration.ofSeconds(smoke ? 5 : 300);
    int inFlight = 32;
    boolean pin = Machine.cpus() >= 2;
    List<String> operatorJvm = List.of();
    Path output = null;
    boolean writes = !smoke;
    Path repo = Path.of(System.getProperty("user.dir"));
    Path runDir = null;
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "--smoke" -> {}
        case "--sizes" ->
            sizes = Arrays.stream(value(rest, ++i, arg).split(",")).map(Integer::parseInt).toList();
        case "--namespaces" -> namespaces = Integer.parseInt(value(rest, ++i, arg));
        case "--steady" -> steady = Duration.ofSeconds(Long.parseLong(value(rest, ++i, arg)));
        case "--in-flight" -> inFlight = Integer.parseInt(value(rest, ++i, arg));
        case "--no-pin" -> pin = false;
        case "--operator-jvm" -> operatorJvm = List.of(value(rest, ++i, arg).trim().split("\\s+"));
        case "--output" -> output = Path.of(value(rest, ++i, arg));
        case "--no-output" -> writes = false;
        case "--repo" -> repo = Path.of(value(rest, ++i, arg));
        case "--run-dir" -> runDir = Path.of(value(rest, ++i, arg));
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + arg
                    + "; use --smoke, --sizes 100,1000, --namespaces N, --steady S, --in-flight N,"
                    + " --no-pin, --operator-jvm OPTIONS, --output FILE, --no-output, --repo DIR,"
                    + " --run-dir DIR");
      }
    }
    if (output == null && writes) {
      output = repo.resolve("docs/performance.md");
    }
    if (runDir == null) {
      runDir = repo.resolve("bench/operator/target/bench-run");
    }
    String command = "bench/operator.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
    return new OperatorBenchOptions(
        smoke,
        sizes,
        namespaces,
        steady,
        inFlight,
        pin,
        operatorJvm,
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
