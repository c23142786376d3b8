package dev.mcpfleet.runtime.cli;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.validation.SpecValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-fleet validate <file>...}: the checks the operator makes before accepting a manifest,
 * without a cluster and without serving it.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks McpServer manifests as the operator and serve do (strict fields, the CRD's rules,"
          + " tool schemas, placeholders, URIs, egress hosts) and says what to fix.",
      "Values of Secrets and ConfigMaps are not needed."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "<file>",
      description = "McpServer manifests (YAML or JSON), or just their server part.")
  List<Path> files;

  @Override
  public Integer call() {
    int exit = CommandLine.ExitCode.OK;
    for (Path file : files) {
      try {
        McpServer server = ManifestReader.read(file);
        var problems = SpecValidator.validate(server.getSpec());
        if (!problems.isEmpty()) {
          throw new ManifestException(file.toString(), problems);
        }
        spec.commandLine()
            .getOut()
            .println(file + ": valid (" + Inventory.of(server.getSpec()) + ")");
      } catch (ManifestException e) {
        spec.commandLine().getErr().println(e.getMessage());
        exit = CommandLine.ExitCode.SOFTWARE;
      }
    }
    return exit;
  }
}
