package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.OperatorEnvironment;
import dev.mcpfleet.e2e.support.Repository;
import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operator reads the environment the chart's Deployment gives it with its own parser, and gets
 * the settings the values asked for.
 */
class OperatorConfigFromChartTest {

  static OperatorConfig config(String values) {
    return OperatorEnvironment.configOf(HelmChart.render(values).one(Deployment.class));
  }

  @Test
  void defaultsWatchAllNamespacesWithOneReplicaAndJsonLogs() {
    OperatorConfig config = config("{}");

    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(config.logFormat()).isEqualTo(OperatorConfig.LogFormat.JSON);
    assertThat(config.logLevel()).isEqualTo("info");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void chartsRuntimeImageIsTheOperatorsOwnDefault() {
    OperatorConfig config = config("{}");

    assertThat(config.runtimeImage())
        .isEqualTo(OperatorConfig.defaultRuntimeImage())
        .isEqualTo(System.getProperty("mcpfleet.runtime.image"))
        .endsWith(":" + Repository.projectVersion());
  }

  @Test
  void chartsPackageRunnerImagesAreTheOperatorsOwnDefaults() {
    OperatorConfig config = config("{}");

    assertThat(config.upstreamImages())
        .isEqualTo(OperatorConfig.UpstreamImages.derivedFrom(OperatorConfig.defaultRuntimeImage()));
    assertThat(config.upstreamImages().node())
        .endsWith("/runtime-node:" + Repository.projectVersion());
  }

  @Test
  void packageRunnerImagesFollowTheRuntimeImageOrTheirOwnValues() {
    OperatorConfig derived =
        config("runtimeImage: {repository: registry.example.com/mcp/runtime, tag: \"2.0.0\"}");
    OperatorConfig own =
        config(
            """
            runtimeNodeImage: {repository: mirror.example.com/node-runtime, tag: "7"}
            runtimePythonImage: {tag: "2.0.1-py"}
            """);

    assertThat(derived.upstreamImages())
        .isEqualTo(
            new OperatorConfig.UpstreamImages(
                "registry.example.com/mcp/runtime-node:2.0.0",
                "registry.example.com/mcp/runtime-python:2.0.0"));
    assertThat(own.upstreamImages().node()).isEqualTo("mirror.example.com/node-runtime:7");
    assertThat(own.upstreamImages().python()).endsWith("/runtime-python:2.0.1-py");
  }

  @Test
  void namespacedModeWatchesTheListedNamespaces() {
    assertThat(config("watchNamespaces: [team-a, team-b]").watchNamespaces())
        .containsExactlyInAnyOrder("team-a", "team-b");
  }

  @Test
  void replicasElectALeaderThroughALeaseInTheReleaseNamespace() {
    OperatorConfig.LeaderElection election = config("replicaCount: 2").leaderElection();

    assertThat(election.enabled()).isTrue();
    assertThat(election.leaseName()).isEqualTo("mcp-fleet-operator");
    assertThat(election.leaseNamespace()).isEqualTo(HelmChart.NAMESPACE);
    assertThat(election.identity()).isEqualTo(OperatorEnvironment.POD_NAME);
  }

  @Test
  void everyOperatorSettingFollowsItsValue() {
    OperatorConfig config =
        config(
            """
            logFormat: text
            logLevel: debug
            httpPort: 9090
            terminationGracePeriodSeconds: 60
            clusterDomain: cluster.local
            runtimeImage: {repository: registry.example.com/mcp/runtime, tag: "2.0.0"}
            """);

    assertThat(config.logFormat()).isEqualTo(OperatorConfig.LogFormat.TEXT);
    assertThat(config.logLevel()).isEqualTo("debug");
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(50));
    assertThat(config.clusterDomain()).isEqualTo("cluster.local");
    assertThat(config.runtimeImage()).isEqualTo("registry.example.com/mcp/runtime:2.0.0");
  }
}
