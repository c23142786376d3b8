package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.e2e.support.Dockerfile;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.Repository;
import dev.mcpfleet.e2e.support.RuntimeImage;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.e2e.support.Samples;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  static final Dockerfile IMAGE = RuntimeImage.DOCKERFILE;

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
    List<String> command = RuntimeImage.serving(definition);

    try (RuntimeProcess runtime = RuntimeProcess.start(command, Map.of(), pod);
        McpSyncClient client = McpClients.connect(runtime.mcpUrl(), null)) {
      McpSchema.CallToolResult result =
          client.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Ada")));

      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("greet");
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("Ada");
    }
  }
}
