package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pod of an McpServer that fronts an existing MCP server (spec.upstream). */
class UpstreamPodTest {

  private static final String MEMORY =
      """
      package: {registryType: npm, identifier: "@modelcontextprotocol/server-memory", version: 2026.8.31}
      env:
        - {name: MEMORY_FILE_PATH, value: /tmp/memory.jsonl}
        - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: memory-api, key: token}}}
      """;

  private static PodSpec pod(McpServer server) {
    return new DeploymentDependentResource()
        .desired(server, TestServers.inputs())
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b));
  }

  @Test
  void anNpmPackageRunsInTheNodeVariantWithHomeAndCachesInTmp() {
    PodSpec pod = pod(TestServers.upstream(MEMORY, ""));
    Container runtime = pod.getContainers().getFirst();

    assertThat(pod.getContainers()).hasSize(1);
    assertThat(runtime.getImage())
        .isEqualTo(TestServers.config().upstreamImages().node())
        .isEqualTo("mcp-fleet/runtime-node:test");
    assertThat(env(runtime)).containsKeys("HOME", "XDG_CACHE_HOME", "npm_config_update_notifier");
    assertThat(env(runtime).get("HOME").getValue()).isEqualTo("/tmp");
    assertThat(env(runtime).get("XDG_CACHE_HOME").getValue()).isEqualTo("/tmp/.cache");
    // The runtime hands the Secret's value to the child under the name the spec gives it.
    assertThat(env(runtime).get("MCP_SECRET_MEMORY_API_TOKEN").getValueFrom().getSecretKeyRef())
        .satisfies(
            ref -> {
              assertThat(ref.getName()).isEqualTo("memory-api");
              assertThat(ref.getKey()).isEqualTo("token");
            });
    assertThat(env(runtime)).doesNotContainKeys("API_TOKEN", "MEMORY_FILE_PATH");
    assertThat(runtime.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
  }

  @Test
  void aPypiPackageRunsInThePythonVariant() {
    Container runtime =
        pod(TestServers.upstream(
                "package: {registryType: pypi, identifier: mcp-server-fetch, version: 2025.4.7}",
                ""))
            .getContainers()
            .getFirst();

    assertThat(runtime.getImage()).isEqualTo("mcp-fleet/runtime-python:test");
    assertThat(env(runtime)).containsKeys("HOME", "XDG_CACHE_HOME");
    assertThat(env(runtime)).doesNotContainKey("npm_config_update_notifier");
  }

  @Test
  void aCommandRunsInTheDerivedImageAndTheSpecsOwnVariablesWin() {
    Container runtime =
        pod(TestServers.upstream(
                "command: {command: [node, /app/server.js]}",
                """
                pod:
                  image: registry.example.com/team/runtime-with-server:1.0
                  env: [{name: HOME, value: /data}]
                """))
            .getContainers()
            .getFirst();

    assertThat(runtime.getImage()).isEqualTo("registry.example.com/team/runtime-with-server:1.0");
    assertThat(runtime.getEnv())
        .filteredOn(e -> e.getName().equals("HOME"))
        .singleElement()
        .extracting(EnvVar::getValue)
        .isEqualTo("/data");
  }

  @Test
  void anHttpUpstreamRunsAsARestrictedSidecarBesideTheRuntime() {
    PodSpec pod =
        pod(
            TestServers.upstream(
                """
                http: {image: "registry.example.com/team/weather-mcp:2.3.0", port: 3001, args: [--http]}
                env:
                  - {name: LOG_LEVEL, value: info}
                  - {name: WEATHER_KEY, valueFrom: {secretKeyRef: {name: weather-api, key: key}}}
                """,
                ""));
    Container runtime = pod.getContainers().get(0);
    Container sidecar = pod.getContainers().get(1);

    assertThat(runtime.getImage()).isEqualTo("mcp-fleet/runtime:test");
    assertThat(env(runtime)).doesNotContainKeys("HOME", "XDG_CACHE_HOME");
    assertThat(sidecar.getName()).isEqualTo("upstream");
    assertThat(sidecar.getImage()).isEqualTo("registry.example.com/team/weather-mcp:2.3.0");
    assertThat(sidecar.getArgs()).containsExactly("--http");
    assertThat(sidecar.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getContainerPort()).isEqualTo(3001);
              assertThat(p.getName()).isEqualTo("upstream");
            });
    assertThat(env(sidecar).get("LOG_LEVEL").getValue()).isEqualTo("info");
    assertThat(env(sidecar).get("WEATHER_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("weather-api");
    assertThat(sidecar.getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(sidecar.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    assertThat(sidecar.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(sidecar.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(sidecar.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(sidecar.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sidecar.getLivenessProbe().getTcpSocket().getPort())
        .isEqualTo(new IntOrString(3001));
    assertThat(sidecar.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).contains("tmp", "upstream-tmp");
  }

  @Test
  void theSidecarsResourcesAreOverridable() {
    Container sidecar =
        pod(TestServers.upstream(
                """
                http:
                  image: registry.example.com/team/weather-mcp:2.3.0
                  resources: {requests: {memory: 1Gi}, limits: {cpu: "2"}}
                """,
                ""))
            .getContainers()
            .get(1);

    assertThat(sidecar.getResources().getRequests()).containsEntry("memory", new Quantity("1Gi"));
    assertThat(sidecar.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(sidecar.getPorts().getFirst().getContainerPort()).isEqualTo(3000);
  }

  @Test
  void aDeclaredServerHasNoSidecarAndNoPackageRunner() {
    PodSpec pod = pod(TestServers.parse(TestServers.HELLO));

    assertThat(pod.getContainers()).hasSize(1);
    assertThat(pod.getContainers().getFirst().getImage()).isEqualTo("mcp-fleet/runtime:test");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).doesNotContain("upstream-tmp");
    assertThat(List.copyOf(env(pod.getContainers().getFirst()).keySet())).doesNotContain("HOME");
  }
}
