package dev.mcpfleet.tools;

import dev.mcpfleet.operator.reference.Reference;
import dev.mcpfleet.operator.reference.SpecReferences;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-fleet validate <file>...}: the CRD's schema and rules and the operator's
 * reconcile-time checks, with the messages {@code Accepted=False} would carry. Exit code 1 when any
 * file has a problem, so a team's CI can gate on it.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks McpServer manifests as the API server and the operator would, offline: strict"
          + " fields and types, the CRD's rules, and the checks behind the Accepted condition.",
      "Exit code: 0 all valid, 1 a problem in any file (each says what to fix)."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "<file>",
      description = "McpServer manifests (YAML or JSON).")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = CommandLine.ExitCode.OK;
    for (Path file : files) {
      OfflineCheck.Verdict verdict = OfflineCheck.of(file);
      if (verdict.accepted()) {
        out.println(
            file
                + ": valid McpServer "
                + verdict.server().getMetadata().getName()
                + needs(verdict));
      } else {
        verdict.explain(err);
        exit = CommandLine.ExitCode.SOFTWARE;
      }
    }
    return exit;
  }

  /** The Secrets and ConfigMaps the cluster must hold, which only the operator can check. */
  private static String needs(OfflineCheck.Verdict verdict) {
    List<Reference> references = SpecReferences.of(verdict.server().getSpec());
    if (references.isEmpty()) {
      return "";
    }
    return references.stream()
        .map(
            r ->
                r.kind().displayName()
                    + " '"
                    + r.name()
                    + "'"
                    + (r.whole() ? "" : " key '" + r.key() + "'"))
        .distinct()
        .collect(Collectors.joining(", ", "; the cluster must hold: ", ""));
  }
}
