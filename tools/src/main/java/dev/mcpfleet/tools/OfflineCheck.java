package dev.mcpfleet.tools;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import dev.mcpfleet.operator.validation.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a manifest strictly (what the API server's schema would refuse) and runs the operator's
 * acceptance checks on it (the Accepted condition's reasons and messages), without a cluster.
 */
final class OfflineCheck {

  /**
   * The verdict on one file: either problems that stop it before the operator sees it (it cannot be
   * read as an McpServer), or the operator's acceptance of the McpServer it holds.
   */
  record Verdict(
      Path file,
      List<ManifestException.Problem> unreadable,
      McpServer server,
      Acceptance acceptance) {

    boolean accepted() {
      return unreadable.isEmpty() && acceptance.accepted();
    }

    /** Prints why it would not be accepted, one problem a line. */
    void explain(PrintWriter err) {
      if (!unreadable.isEmpty()) {
        err.println(file + ": not a valid McpServer manifest (the API server would refuse it)");
        unreadable.forEach(problem -> err.println("  " + problem));
        return;
      }
      err.println(file + ": Accepted=False, reason " + acceptance.reason());
      for (Finding finding : acceptance.findings()) {
        err.println("  " + finding.reason() + ": " + finding.message());
      }
    }
  }

  private OfflineCheck() {}

  static Verdict of(Path file) {
    McpServer server;
    try {
      server = ManifestReader.read(file);
    } catch (ManifestException e) {
      return new Verdict(file, e.problems(), null, null);
    }
    return new Verdict(file, List.of(), server, AcceptanceCheck.standard().checkSpec(server));
  }
}
