package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve} of a manifest that fronts an existing MCP server. */
class ServeUpstreamTest {

  @TempDir Path dir;

  @Test
  void serveStartsTheUpstreamWaitsForItThenPrintsItsInventory() throws Exception {
    NodeHarness node = NodeHarness.sdkClients();
    String command =
        node.command("node/upstream-server.mjs", List.of("stdio")).stream()
            .map(part -> "\"" + part + "\"")
            .collect(Collectors.joining(", ", "[", "]"));
    Path file =
        Files.writeString(
            dir.resolve("fronted.yaml"),
            """
            apiVersion: mcpfleet.dev/v1alpha1
            kind: McpServer
            metadata: {name: fronted}
            spec:
              upstream:
                command: {command: %s}
            """
                .formatted(command));
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new McpFleetCommand()).setOut(new PrintWriter(out, true));
    ServeCommand serve =
        (ServeCommand)
            cli.parseArgs("serve", file.toString(), "--port", "0", "--no-watch")
                .subcommand()
                .commandSpec()
                .userObject();

    try (ServeCommand.Serving serving = serve.start()) {
      assertThat(serving.upstream().ready()).isTrue();
    }

    assertThat(out.toString())
        .contains("Starting the upstream MCP server: '" + node.dir())
        .contains("serving fixture-upstream 3.1.4 (15 tools, 1 resource, 1 resource template");
  }
}
