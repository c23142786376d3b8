package dev.mcpfleet.runtime.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official MCP conformance suite through the team's {@code shared/tools/mcp-conformance.sh},
 * which provisions Node 22 and the suite from npm on first use.
 */
public final class ConformanceSuite {

  private static final Pattern TOTAL = Pattern.compile("Total: (\\d+) passed, (\\d+) failed");
  private static final String SCRIPT = "shared/tools/mcp-conformance.sh";
  private static final String REPOSITORY_COPY = "scripts/mcp-conformance.sh";

  /** A suite run: exit code, totals and the whole output. */
  public record Run(int exitCode, int passed, int failed, String output) {

    /** Lines that report a scenario (✓ or ✗). */
    public List<String> scenarioLines() {
      return output.lines().filter(l -> l.startsWith("✓") || l.startsWith("✗")).toList();
    }
  }

  private ConformanceSuite() {}

  /** Runs the suite {@code version} against {@code url} with extra arguments. */
  public static Run run(String version, String url, List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>(List.of("bash", script().toString(), url));
    command.addAll(args);
    NodeHarness.Result result =
        NodeHarness.exec(
            Path.of(System.getProperty("java.io.tmpdir")),
            command,
            Map.of("MCP_CONFORMANCE_VERSION", version),
            timeout);
    String output = result.stdout() + "\n" + result.stderr();
    Matcher total = TOTAL.matcher(output);
    int passed = -1;
    int failed = -1;
    while (total.find()) {
      passed = Integer.parseInt(total.group(1));
      failed = Integer.parseInt(total.group(2));
    }
    return new Run(result.exitCode(), passed, failed, output);
  }

  /**
   * The script: {@code -Dmcp.conformance.script} or {@code MCP_CONFORMANCE_SCRIPT}, else the team's
   * {@code shared/tools/} beside the repository (searched upwards from the working directory), else
   * the copy kept in the repository's {@code scripts/}, so a clone anywhere runs the suite.
   */
  static Path script() {
    String configured = System.getProperty("mcp.conformance.script");
    if (configured == null) {
      configured = System.getenv("MCP_CONFORMANCE_SCRIPT");
    }
    if (configured != null) {
      return Path.of(configured);
    }
    Path copy = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      if (copy == null && Files.isRegularFile(dir.resolve(REPOSITORY_COPY))) {
        copy = dir.resolve(REPOSITORY_COPY);
      }
    }
    if (copy != null) {
      return copy;
    }
    throw new IllegalStateException(
        "cannot find "
            + SCRIPT
            + " or "
            + REPOSITORY_COPY
            + " above "
            + Path.of("").toAbsolutePath()
            + "; set -Dmcp.conformance.script=/path/to/mcp-conformance.sh");
  }
}
