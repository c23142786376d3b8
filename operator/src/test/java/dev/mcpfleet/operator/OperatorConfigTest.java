package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void anEmptyEnvironmentWatchesEveryNamespaceWithoutLeaderElection() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of());

    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(config.logFormat()).isEqualTo(OperatorConfig.LogFormat.TEXT);
    assertThat(config.logLevel()).isEqualTo("info");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.clusterDomain()).isEmpty();
    assertThat(config.runtimeImage()).startsWith("mcp-fleet/runtime:");
  }

  @Test
  void packageRunnerImagesAreNamedAfterTheRuntimeImageUnlessSet() {
    OperatorConfig derived =
        OperatorConfig.fromEnvironment(
            Map.of("RUNTIME_IMAGE", "registry.example:5000/mcp-fleet/runtime:2.1.0"));
    OperatorConfig set =
        OperatorConfig.fromEnvironment(
            Map.of(
                "RUNTIME_IMAGE", "registry.example/runtime:2",
                "RUNTIME_NODE_IMAGE", "mirror.example/node-runtime:7",
                "RUNTIME_PYTHON_IMAGE", "mirror.example/python-runtime:7"));

    assertThat(derived.upstreamImages())
        .isEqualTo(
            new OperatorConfig.UpstreamImages(
                "registry.example:5000/mcp-fleet/runtime-node:2.1.0",
                "registry.example:5000/mcp-fleet/runtime-python:2.1.0"));
    assertThat(set.upstreamImages())
        .isEqualTo(
            new OperatorConfig.UpstreamImages(
                "mirror.example/node-runtime:7", "mirror.example/python-runtime:7"));
  }

  @Test
  void aDigestDoesNotCarryOverToTheVariants() {
    assertThat(OperatorConfig.UpstreamImages.derivedFrom("mcp-fleet/runtime:1.0@sha256:abc").node())
        .isEqualTo("mcp-fleet/runtime-node:1.0");
    assertThat(OperatorConfig.UpstreamImages.derivedFrom("runtime@sha256:abc").python())
        .isEqualTo("runtime-python");
  }

  @Test
  void inAClusterLogsAreJsonByDefault() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"));

    assertThat(config.logFormat()).isEqualTo(OperatorConfig.LogFormat.JSON);
  }

  @Test
  void readsEverySetting() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("WATCH_NAMESPACES", " team-a, team-b ,"),
                Map.entry("LEADER_ELECTION", "on"),
                Map.entry("LEADER_ELECTION_LEASE_NAME", "fleet"),
                Map.entry("POD_NAMESPACE", "mcp-system"),
                Map.entry("POD_NAME", "operator-0"),
                Map.entry("RUNTIME_IMAGE", "registry.example/runtime:2"),
                Map.entry("LOG_FORMAT", "json"),
                Map.entry("LOG_LEVEL", "DEBUG"),
                Map.entry("HTTP_PORT", "9090"),
                Map.entry("SHUTDOWN_TIMEOUT", "25s"),
                Map.entry("CLUSTER_DOMAIN", "cluster.local")));

    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(config.leaderElection())
        .isEqualTo(new OperatorConfig.LeaderElection(true, "fleet", "mcp-system", "operator-0"));
    assertThat(config.runtimeImage()).isEqualTo("registry.example/runtime:2");
    assertThat(config.logFormat()).isEqualTo(OperatorConfig.LogFormat.JSON);
    assertThat(config.logLevel()).isEqualTo("debug");
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(config.clusterDomain()).isEqualTo("cluster.local");
  }

  @Test
  void anExplicitLeaseNamespaceWinsOverThePods() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.of("LEADER_ELECTION_NAMESPACE", "leases", "POD_NAMESPACE", "mcp-system"));

    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("leases");
  }

  @Test
  void everyBadValueIsReportedAtOnceWithWhatIsAccepted() {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of(
                        "LOG_FORMAT", "xml",
                        "LEADER_ELECTION", "maybe",
                        "HTTP_PORT", "80000",
                        "SHUTDOWN_TIMEOUT", "soon",
                        "WATCH_NAMESPACES", "Team_A")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOG_FORMAT is 'xml'; use json or text")
        .hasMessageContaining("LEADER_ELECTION is 'maybe'; use true/false or on/off")
        .hasMessageContaining("HTTP_PORT is '80000'; use a port number")
        .hasMessageContaining("SHUTDOWN_TIMEOUT is 'soon'; use a duration such as 20s or 1m")
        .hasMessageContaining("WATCH_NAMESPACES holds 'Team_A', which is not a namespace name");
  }
}
