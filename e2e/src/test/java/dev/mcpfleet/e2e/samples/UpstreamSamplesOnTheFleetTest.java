package dev.mcpfleet.e2e.samples;

import static dev.mcpfleet.e2e.samples.SamplesOnTheFleetTest.call;
import static dev.mcpfleet.e2e.samples.SamplesOnTheFleetTest.text;
import static dev.mcpfleet.e2e.samples.SamplesOnTheFleetTest.toolNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.support.Fleet;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.RuntimeImage;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.e2e.support.Samples;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples that front existing MCP servers, on the fleet: reconciled into what the operator's
 * dependents render (the runtime's Node.js variant, the sidecar), then one pod's runtime started as
 * the image starts it, fronting the real npm package, or a local MCP server standing in for the
 * sidecar's image on localhost.
 */
class UpstreamSamplesOnTheFleetTest {

  static SampleFleet fleet;

  @TempDir Path podDir;

  @BeforeAll
  static void startFleet() {
    fleet = new SampleFleet();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  private static Container container(McpServer server, int index) {
    return Fleet.awaitObject(
            fleet.client(),
            Deployment.class,
            SampleFleet.namespace(server),
            server.getMetadata().getName())
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(index);
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  @Test
  void memoryRunsTheNpmPackageBehindApiKeysAndPerToolAuthorization() throws Exception {
    assumeTrue(onPath("npx"), "npx is not on the PATH: the memory sample's package runs with npx");
    // Its graph file goes to this test's pod folder instead of the machine's /tmp.
    McpServer server =
        ManifestReader.parse(
            "upstream-memory.yaml",
            Files.readString(Samples.named("upstream-memory.yaml"))
                .replace("/tmp/memory.jsonl", podDir.resolve("memory.jsonl").toString()));
    List<Secret> secrets =
        List.of(
            SampleFleet.secret(
                SampleFleet.NAMESPACE,
                "memory-api-keys",
                Map.of("curator", "curator-key-0123456789", "assistant", "assistant-0123456789")));
    fleet.deploy(server, secrets);
    fleet.assertReconciledAsRendered(server, secrets);

    assertThat(container(server, 0).getImage()).contains("/runtime-node:");
    try (RuntimeProcess pod = fleet.serve(server, podDir);
        McpSyncClient curator = McpClients.connect(pod.mcpUrl(), "curator-key-0123456789");
        McpSyncClient assistant = McpClients.connect(pod.mcpUrl(), "assistant-0123456789")) {
      String created =
          text(
              call(
                  curator,
                  "create_entities",
                  Map.of(
                      "entities",
                      List.of(
                          Map.of(
                              "name",
                              "Ada",
                              "entityType",
                              "person",
                              "observations",
                              List.of("wrote the first program"))))));

      assertThat(created).contains("Ada");
      assertThat(toolNames(assistant))
          .containsExactlyInAnyOrder("read_graph", "search_nodes", "open_nodes");
      assertThat(text(call(assistant, "search_nodes", Map.of("query", "Ada"))))
          .contains("wrote the first program");
      assertThatThrownBy(() -> call(assistant, "delete_entities", Map.of("entityNames", List.of())))
          .hasMessageContaining("Access denied");
    }
  }

  @Test
  void weatherServesTheSidecarsToolsThroughTheRuntimeOnLocalhost() throws Exception {
    // The sidecar's image, stood in for by a local MCP server on a free port: the runtime
    // serving the hello sample.
    Path sidecarDir = Files.createDirectories(podDir.resolve("sidecar"));
    Path hello = Files.copy(Samples.named("hello.yaml"), sidecarDir.resolve("mcpserver.yaml"));
    try (RuntimeProcess sidecar =
        RuntimeProcess.start(RuntimeImage.serving(hello), Map.of(), sidecarDir)) {
      McpServer server =
          ManifestReader.parse(
              "upstream-sidecar.yaml",
              Files.readString(Samples.named("upstream-sidecar.yaml"))
                  .replace("port: 3000", "port: " + sidecar.mcpUrl().getPort()));
      List<Secret> secrets =
          List.of(SampleFleet.secret(SampleFleet.NAMESPACE, "weather-api", Map.of("key", "wk-1")));
      fleet.deploy(server, secrets);
      fleet.assertReconciledAsRendered(server, secrets);

      Container sidecarContainer = container(server, 1);
      assertThat(sidecarContainer.getImage())
          .isEqualTo("registry.example.com/weather/weather-mcp:2.3.0");
      assertThat(sidecarContainer.getEnv())
          .anySatisfy(
              env -> {
                assertThat(env.getName()).isEqualTo("WEATHER_API_KEY");
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("weather-api");
              });
      try (RuntimeProcess pod =
              fleet.serve(server, Files.createDirectories(podDir.resolve("pod")));
          McpSyncClient client = McpClients.connect(pod.mcpUrl(), null)) {
        assertThat(toolNames(client)).contains("greet");
        assertThat(text(call(client, "greet", Map.of("name", "Grace")))).contains("Grace");
        assertThat(client.getServerInfo().name()).isEqualTo("hello");
      }
    }
  }
}
