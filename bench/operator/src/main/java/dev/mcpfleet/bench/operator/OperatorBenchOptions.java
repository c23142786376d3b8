package dev.mcpfleet.bench.operator;

import dev.mcpfleet.bench.common.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    Arguments given = RunOptions.parse(new Arguments(), args);
    boolean smoke = given.smoke;
    RunOptions run = given.run;
    return new OperatorBenchOptions(
        smoke,
        given.sizes != null ? given.sizes : smoke ? List.of(20) : List.of(100, 1000),
        given.namespaces,
        Duration.ofSeconds(given.steadySeconds != null ? given.steadySeconds : smoke ? 5 : 300),
        given.inFlight,
        run.pin(),
        given.operatorJvm == null ? List.of() : List.of(given.operatorJvm.trim().split("\\s+")),
        run.output(!smoke),
        run.repo(),
        run.runDir("operator"),
        RunOptions.commandLine("bench/operator.sh", args));
  }

  /** The command line as picocli reads it; unset options take the run's defaults. */
  @Command(name = "bench/operator.sh")
  private static final class Arguments {

    @Option(names = "--smoke", description = "A short run that checks the harness.")
    boolean smoke;

    @Option(names = "--sizes", paramLabel = "100,1000", split = ",", description = "McpServers.")
    List<Integer> sizes;

    @Option(names = "--namespaces", paramLabel = "N", description = "Namespaces they spread over.")
    int namespaces = 10;

    @Option(names = "--steady", paramLabel = "S", description = "Seconds of steady state.")
    Long steadySeconds;

    @Option(names = "--in-flight", paramLabel = "N", description = "The tuned client's writes.")
    int inFlight = 32;

    @Option(
        names = "--operator-jvm",
        paramLabel = "OPTIONS",
        description = "JVM options after the chart's.")
    String operatorJvm;

    @Mixin RunOptions run;
  }
}
