package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, help, and what bad input gets (exit code and message). */
class McpFleetCommandTest {

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  @TempDir Path dir;

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = McpFleetCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommands() {
    Run run = run("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("serve").contains("--version").contains("render <file>");
  }

  @Test
  void serveHelpListsItsOptions() {
    Run run = run("serve", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("<file>")
        .contains("--port=<port>")
        .contains("Default: 8080")
        .contains("--bind=<address>")
        .contains("Default: 127.0.0.1")
        .contains("--[no-]watch");
  }

  @Test
  void versionNamesTheReleaseTheRevisionsAndJava() {
    Run run = run("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("mcp-fleet ").contains("2026-07-28").contains("Java ");
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    Run run = run("serv", "x.yaml");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("mcp-fleet: Unmatched arguments")
        .contains("serve")
        .contains("See 'mcp-fleet --help'.");
  }

  @Test
  void aBadOptionValueIsAUsageError() {
    Run run = run("serve", "x.yaml", "--port", "eighty");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid value for option '--port': 'eighty' is not an int")
        .contains("See 'mcp-fleet serve --help'.");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    Run run = run("serve", "x.yaml", "--port", "70000");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--port must be between 0 and 65535, got 70000");
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    Run run = run();

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("say which command to run").contains("Usage: mcp-fleet");
  }

  @Test
  void aMissingFileFailsSayingSo() {
    Path missing = dir.resolve("nope.yaml");

    Run run = run("serve", missing.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("mcp-fleet: cannot serve " + missing + ": no such file; check the path\n");
  }

  @Test
  void anInvalidManifestFailsNamingFilePathAndFixBeforeListening() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "name: s\ntools: [{name: t, description: d, inputSchema: {type: string},"
                + " text: {content: [{type: text, text: x}]}}]\n");

    Run run = run("serve", file.toString(), "--port", "0");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(file + ": spec.server.tools[0].inputSchema.type: must be \"object\"");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aPortInUseFailsSayingWhichAndWhatToDo() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.yaml"), "name: s\n");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());

      Run run = run("serve", file.toString(), "--port", port, "--no-watch");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .contains("cannot listen on 127.0.0.1:" + port)
          .contains("choose another port with --port");
    }
  }
}
