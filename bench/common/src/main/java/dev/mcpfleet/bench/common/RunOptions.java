package dev.mcpfleet.bench.common;

import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options every benchmark takes (a picocli mixin): where its report goes, where it keeps its
 * scratch files, and whether servers and load get CPUs of their own.
 */
public final class RunOptions {

  @Option(names = "--no-pin", description = "Share the CPUs instead of pinning with taskset.")
  private boolean noPin;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "The markdown file whose section is rewritten (default: docs/performance.md).")
  private Path output;

  @Option(names = "--no-output", description = "Write no report.")
  private boolean noOutput;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: here).")
  private Path repo = Path.of(System.getProperty("user.dir"));

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description = "Scratch files and logs (default: bench/<name>/target/bench-run).")
  private Path runDir;

  /** Whether to pin: asked for (the default) and there are CPUs to share out. */
  public boolean pin() {
    return !noPin && Machine.cpus() >= 2;
  }

  public Path repo() {
    return repo;
  }

  /** The report file, or null: none asked, or a run that writes none by default (a smoke run). */
  public Path output(boolean writesByDefault) {
    if (noOutput) {
      return null;
    }
    if (output != null) {
      return output;
    }
    return writesByDefault ? repo.resolve("docs/performance.md") : null;
  }

  /** The scratch folder of the benchmark {@code bench} (its folder under bench/). */
  public Path runDir(String bench) {
    return runDir != null ? runDir : repo.resolve("bench/" + bench + "/target/bench-run");
  }

  /**
   * Parses {@code args} into {@code command}, a picocli {@code @Command} object. A wrong command
   * line is an {@link IllegalArgumentException} that says what was wrong and lists the options.
   */
  public static <T> T parse(T command, String[] args) {
    CommandLine line = new CommandLine(command);
    try {
      line.parseArgs(args);
      return command;
    } catch (CommandLine.UnmatchedArgumentException e) {
      throw new IllegalArgumentException(
          "unknown option " + String.join(" ", e.getUnmatched()) + "; use " + usage(line), e);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + "; use " + usage(line), e);
    }
  }

  /** The command line as typed, for the report: {@code script} and its arguments. */
  public static String commandLine(String script, String[] args) {
    return script + (args.length == 0 ? "" : " " + String.join(" ", args));
  }

  private static String usage(CommandLine line) {
    return line.getCommandSpec().options().stream()
        .map(RunOptions::synopsis)
        .collect(Collectors.joining(", "));
  }

  private static String synopsis(OptionSpec option) {
    return option.arity().max() == 0
        ? option.longestName()
        : option.longestName() + " " + option.paramLabel();
  }
}
