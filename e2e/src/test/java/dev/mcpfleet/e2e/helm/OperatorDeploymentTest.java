package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.e2e.support.Repository;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operator's Deployment as the chart renders it. */
class OperatorDeploymentTest {

  static Deployment deployment(String values) {
    return HelmChart.render(values).one(Deployment.class);
  }

  static Container operator(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
  }

  static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  void podRunsUnderTheRestrictedPodSecurityStandard() {
    Deployment deployment = deployment("{}");
    PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
    SecurityContext container = operator(deployment).getSecurityContext();

    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isPositive();
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
  }

  @Test
  void probesCallTheOperatorsHealthAndReadinessEndpointsOnItsHttpPort() {
    Container operator = operator(deployment("httpPort: 9090"));

    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(9090);
            });
    assertProbe(operator.getLivenessProbe(), "/healthz");
    assertProbe(operator.getStartupProbe(), "/healthz");
    assertProbe(operator.getReadinessProbe(), "/readyz");
    assertThat(env(operator)).containsEntry("HTTP_PORT", "9090");
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(probe.getPeriodSeconds()).isPositive();
  }

  @Test
  void containerHasRequestsAndLimits() {
    Container operator = operator(deployment("{}"));

    assertThat(operator.getResources().getRequests())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(operator.getResources().getLimits())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void imagesAreTheOnesTheImageBuildProducesForTheChartsVersion() {
    Container operator = operator(deployment("{}"));

    assertThat(operator.getImage())
        .isEqualTo(System.getProperty("mcpfleet.operator.image"))
        .endsWith(":" + Repository.projectVersion());
    assertThat(env(operator))
        .containsEntry("RUNTIME_IMAGE", System.getProperty("mcpfleet.runtime.image"));
  }

  @Test
  void imagesFollowTheValues() {
    Container operator =
        operator(
            deployment(
                """
                image: {repository: registry.example.com/mcp/operator, tag: "1.2.3"}
                runtimeImage: {repository: registry.example.com/mcp/runtime, tag: "1.2.4"}
                """));

    assertThat(operator.getImage()).isEqualTo("registry.example.com/mcp/operator:1.2.3");
    assertThat(env(operator))
        .containsEntry("RUNTIME_IMAGE", "registry.example.com/mcp/runtime:1.2.4");
  }

  @Test
  void oneReplicaRunsWithoutLeaderElection() {
    Deployment deployment = deployment("{}");

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(env(operator(deployment))).containsEntry("LEADER_ELECTION", "false");
  }

  @Test
  void severalReplicasElectALeader() {
    Deployment deployment = deployment("replicaCount: 3");

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(env(operator(deployment)))
        .containsEntry("LEADER_ELECTION", "true")
        .containsEntry("LEADER_ELECTION_LEASE_NAME", "mcp-fleet-operator");
    assertThat(operator(deployment).getEnv())
        .filteredOn(e -> e.getName().equals("POD_NAMESPACE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRefused() {
    assertThatThrownBy(() -> deployment("replicaCount: 2\nleaderElection: {enabled: false}"))
        .hasMessageContaining("replicaCount > 1 needs leader election");
  }

  @Test
  void operatorWatchesAllNamespacesOrTheListedOnes() {
    assertThat(env(operator(deployment("{}")))).containsEntry("WATCH_NAMESPACES", "");
    assertThat(env(operator(deployment("watchNamespaces: [team-a, team-b]"))))
        .containsEntry("WATCH_NAMESPACES", "team-a,team-b");
  }

  @Test
  void logsAreJsonLinesUnlessAskedOtherwise() {
    assertThat(env(operator(deployment("{}")))).containsEntry("LOG_FORMAT", "json");
    assertThat(env(operator(deployment("logFormat: text")))).containsEntry("LOG_FORMAT", "text");
  }

  @Test
  void jvmHeapFollowsTheMemoryLimit() {
    assertThat(env(operator(deployment("{}"))).get("JAVA_TOOL_OPTIONS"))
        .contains("-XX:MaxRAMPercentage=50");
  }

  @Test
  void runningReconciliationsFinishWithinTheGracePeriod() {
    Deployment deployment = deployment("terminationGracePeriodSeconds: 60");

    assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isEqualTo(60);
    assertThat(env(operator(deployment))).containsEntry("SHUTDOWN_TIMEOUT", "50s");
  }

  @Test
  void writableTmpOnTheReadOnlyRootFilesystem() {
    Deployment deployment = deployment("{}");

    assertThat(operator(deployment).getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
  }
}
