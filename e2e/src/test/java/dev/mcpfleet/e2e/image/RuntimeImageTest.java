package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.e2e.support.Dockerfile;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.Repository;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.e2e.support.Samples;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image's contract, checked where no container engine runs: the Dockerfile starts the
 * runtime's main with the pod contract's arguments as a non-root user on the runtime's port, and
 * its entrypoint, run on the built distribution (the jar and lib/ it copies), serves a sample to
 * the official MCP client.
 */
class RuntimeImageTest {

  static final Path DOCKERFILE = Repository.resolve("runtime-image/Dockerfile");
  static final Path DISTRIBUTION = Repository.resolve("runtime-image/target");
  static final Dockerfile IMAGE = Dockerfile.read(DOCKERFILE);

  /** What the operator's pods rely on: the definition file, every interface, the probes' port. */
  static final List<String> POD_CONTRACT_ARGS =
      List.of(
          "serve",
          Defaults.CONFIG_DIR + "/" + Defaults.CONFIG_FILE,
          "--bind",
          "0.0.0.0",
          "--port",
          String.valueOf(Defaults.PORT));

  @Test
  void imageRunsOnTheTemurin25JreAsANonRootUser() {
    assertThat(IMAGE.from()).isEqualTo("eclipse-temurin:25-jre");
    assertThat(IMAGE.user()).matches("[1-9][0-9]*:[1-9][0-9]*");
    assertThat(IMAGE.exposedPorts()).containsExactly(Defaults.PORT);
  }

  @Test
  void defaultArgumentsAreThePodContract() {
    assertThat(IMAGE.cmd()).isEqualTo(POD_CONTRACT_ARGS);
  }

  @Test
  void entrypointServesASampleFromTheBuiltDistribution(@TempDir Path pod) throws IOException {
    // The pod: the definition where the operator mounts it, the image's files where it copies them.
    Path definition = pod.resolve("mcpserver.yaml");
    Files.copy(Samples.named("hello.yaml"), definition);
    List<String> command =
        localCommand(
            Map.of(Defaults.CONFIG_DIR + "/" + Defaults.CONFIG_FILE, definition.toString()));

    try (RuntimeProcess runtime = RuntimeProcess.start(command, Map.of(), pod);
        McpSyncClient client = McpClients.connect(runtime.mcpUrl(), null)) {
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Ada")));

      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("greet");
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("Ada");
    }
  }

  /** The image's command line made runnable here, on any free port. */
  static List<String> localCommand(Map<String, String> mounts) {
    assertThat(DISTRIBUTION.resolve("mcp-fleet-runtime.jar"))
        .as("the runtime distribution: build it with ./mvnw -pl e2e -am verify")
        .exists();
    List<String> command =
        new ArrayList<>(IMAGE.localCommandLine(Repository.resolve("runtime-image"), mounts));
    int port = command.lastIndexOf("--port");
    command.set(port + 1, "0");
    return command;
  }
}
