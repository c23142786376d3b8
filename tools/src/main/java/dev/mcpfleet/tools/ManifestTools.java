package dev.mcpfleet.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./mcp-fleet validate} and {@code ./mcp-fleet render}: what the operator would say about a
 * manifest, and what it would apply for it, computed offline by the operator's own code.
 */
@Command(
    name = "mcp-fleet",
    mixinStandardHelpOptions = true,
    description = "Checks and renders McpServer manifests offline, as the operator would.",
    subcommands = {ValidateCommand.class, RenderCommand.class, CommandLine.HelpCommand.class})
public final class ManifestTools implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // Before any logger exists: library logs to stderr, so stdout carries only the results.
    System.setProperty("logback.configurationFile", "logback-tools.xml");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit code (0 fine, 1 problems found, 2 bad usage). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new CommandLine(new ManifestTools())
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(
            (e, a) -> {
              e.getCommandLine().getErr().println("mcp-fleet: " + e.getMessage());
              e.getCommandLine()
                  .getErr()
                  .println("See 'mcp-fleet " + e.getCommandLine().getCommandName() + " --help'.");
              return CommandLine.ExitCode.USAGE;
            })
        .execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("mcp-fleet: say which command to run: validate or render");
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
