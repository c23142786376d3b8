package dev.mcpfleet.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mcp-fleet} command line, the runtime's entry point on a laptop ({@code ./mcp-fleet
 * serve samples/hello.yaml}) and in every pod ({@code serve /etc/mcp-fleet/mcpserver.yaml --bind
 * 0.0.0.0 --port 8080}).
 */
@Command(
    name = "mcp-fleet",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Serves MCP servers declared in McpServer manifests.",
    subcommands = {ServeCommand.class, TrainCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Start with: mcp-fleet serve samples/hello.yaml",
      "Details of a command: mcp-fleet help <command>",
      "The ./mcp-fleet launcher also runs 'validate <file>...' and 'render <file>' (the operator's"
          + " checks and objects, offline)."
    })
public final class McpFleetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit code (0 done, 1 failed, 2 bad usage). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new CommandLine(new McpFleetCommand())
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(McpFleetCommand::badUsage)
        .execute(args);
  }

  /** A bad command or option: say what was wrong and where help is, not the whole manual. */
  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName() + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    return CommandLine.ExitCode.USAGE;
  }

  @Override
  public Integer call() {
    // No command given: say what to run instead of silently doing nothing.
    spec.commandLine().getErr().println("mcp-fleet: say which command to run, e.g. serve");
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
