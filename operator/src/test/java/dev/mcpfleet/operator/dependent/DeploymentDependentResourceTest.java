package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.reference.ConfigHash;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentDependentResourceTest {

  private final DeploymentDependentResource dependent = new DeploymentDependentResource();

  private Deployment desired(McpServer server) {
    return dependent.desired(server, TestServers.inputs());
  }

  private Container container(McpServer server) {
    return desired(server).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void deploymentLeavesReplicasToTheAutoscalerByDefault() {
    Deployment deployment = desired(TestServers.parse(TestServers.HELLO));

    assertThat(deployment.getSpec().getReplicas()).isNull();
  }

  @Test
  void deploymentRunsTheFixedReplicaCountWhenOneIsSet() {
    McpServer server = TestServers.helloWith("scaling: {replicas: 5}");

    assertThat(desired(server).getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void deploymentRunsTheGuidesThreeReplicasWhenAutoscalingIsOff() {
    McpServer server = TestServers.helloWith("scaling: {autoscaling: {enabled: false}}");

    assertThat(desired(server).getSpec().getReplicas()).isEqualTo(Defaults.REPLICAS);
  }

  @Test
  void deploymentUsesTheGuidesRollingUpdateByDefault() {
    var strategy = desired(TestServers.parse(TestServers.HELLO)).getSpec().getStrategy();

    assertThat(strategy.getType()).isEqualTo("RollingUpdate");
    assertThat(strategy.getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(strategy.getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(1));
  }

  @Test
  void rolloutBoundsAreOverridable() {
    McpServer server =
        TestServers.helloWith("pod: {rollout: {maxUnavailable: 0, maxSurge: \"25%\"}}");

    var rolling = desired(server).getSpec().getStrategy().getRollingUpdate();

    assertThat(rolling.getMaxUnavailable()).isEqualTo(new IntOrString(0));
    assertThat(rolling.getMaxSurge()).isEqualTo(new IntOrString("25%"));
  }

  @Test
  void deploymentUsesGuideProbesByDefault() {
    Container c = container(TestServers.parse(TestServers.HELLO));

    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(8080));
    assertThat(c.getLivenessProbe().getInitialDelaySeconds()).isEqualTo(30);
    assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(c.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(8080));
    assertThat(c.getReadinessProbe().getInitialDelaySeconds()).isEqualTo(5);
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(5);
  }

  @Test
  void probeTimingIsOverridable() {
    McpServer server =
        TestServers.helloWith(
            """
            pod:
              livenessProbe: {initialDelaySeconds: 60, failureThreshold: 6}
              readinessProbe: {periodSeconds: 2, timeoutSeconds: 3}
            """);

    Container c = container(server);

    assertThat(c.getLivenessProbe().getInitialDelaySeconds()).isEqualTo(60);
    assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(c.getLivenessProbe().getFailureThreshold()).isEqualTo(6);
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(2);
    assertThat(c.getReadinessProbe().getTimeoutSeconds()).isEqualTo(3);
  }

  @Test
  void deploymentUsesGuideResourcesByDefault() {
    var resources = container(TestServers.parse(TestServers.HELLO)).getResources();

    assertThat(resources.getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(resources.getLimits())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void resourceOverridesReplaceOnlyTheValuesGiven() {
    McpServer server = TestServers.helloWith("pod: {resources: {limits: {memory: 1Gi}}}");

    var resources = container(server).getResources();

    assertThat(resources.getLimits())
        .containsEntry("memory", new Quantity("1Gi"))
        .containsEntry("cpu", new Quantity("500m"));
    assertThat(resources.getRequests()).containsEntry("memory", new Quantity("256Mi"));
  }

  @Test
  void aRequestAboveTheDefaultLimitRaisesThatLimit() {
    McpServer server = TestServers.helloWith("pod: {resources: {requests: {cpu: \"2\"}}}");

    var resources = container(server).getResources();

    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("2"));
    assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("2"));
  }

  @Test
  void containerRunsServeOnTheMountedDefinition() {
    Container c = container(TestServers.parse(TestServers.HELLO));

    assertThat(c.getArgs())
        .containsExactly(
            "serve", "/etc/mcp-fleet/mcpserver.yaml", "--bind", "0.0.0.0", "--port", "8080");
    assertThat(c.getImage()).isEqualTo("mcp-fleet/runtime:test");
    assertThat(c.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getContainerPort()).isEqualTo(8080);
              assertThat(p.getName()).isEqualTo("http");
            });
    assertThat(c.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo(Defaults.CONFIG_DIR);
              assertThat(m.getReadOnly()).isTrue();
            });
  }

  @Test
  void imageAndPullPolicyAreOverridable() {
    McpServer server =
        TestServers.helloWith("pod: {image: registry.example/tools:1.2, imagePullPolicy: Always}");

    Container c = container(server);

    assertThat(c.getImage()).isEqualTo("registry.example/tools:1.2");
    assertThat(c.getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void podRunsWithTheRestrictedSecurityProfile() {
    Deployment deployment = desired(TestServers.parse(TestServers.HELLO));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo("hello");
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsReadOnly() {
    Deployment deployment = desired(TestServers.parse(TestServers.HELLO));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("tmp");
              assertThat(v.getEmptyDir()).isNotNull();
            });
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/tmp");
              assertThat(m.getReadOnly()).isNull();
            });
  }

  @Test
  void secretHeadersBecomeEnvironmentVariablesNamedByTheirSource() {
    Container c = container(TestServers.parse(TestServers.WEATHER));

    assertThat(c.getEnv())
        .singleElement()
        .satisfies(
            env -> {
              assertThat(env.getName()).isEqualTo("MCP_SECRET_WEATHER_API_TOKEN");
              assertThat(env.getValue()).isNull();
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("weather-api");
              assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
            });
  }

  @Test
  void redisAndUpstreamValuesAreEnvironmentVariablesToo() {
    McpServer server =
        TestServers.helloWith(
            """
            resilience:
              redis:
                urlFrom: {configMapKeyRef: {name: cache, key: url}}
            """);

    assertThat(container(server).getEnv())
        .extracting(EnvVar::getName)
        .containsExactly("MCP_CONFIG_CACHE_URL");
  }

  @Test
  void podEnvironmentIsPassedThroughAfterTheDeclaredValues() {
    McpServer server =
        TestServers.parse(
            TestServers.WEATHER
                + """
                  pod:
                    env:
                      - {name: JAVA_TOOL_OPTIONS, value: "-XX:MaxRAMPercentage=75"}
                    envFrom:
                      - configMapRef: {name: extra}
                """);

    Container c = container(server);

    assertThat(c.getEnv())
        .extracting(EnvVar::getName)
        .containsExactly("MCP_SECRET_WEATHER_API_TOKEN", "JAVA_TOOL_OPTIONS");
    assertThat(c.getEnvFrom())
        .singleElement()
        .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("extra"));
  }

  @Test
  void apiKeySecretIsMountedReadOnly() {
    McpServer server =
        TestServers.helloWith("security: {auth: {mode: apiKey, apiKey: {secretRef: hello-keys}}}");

    Deployment deployment = desired(server);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .singleElement()
        .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("hello-keys"));
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo(Defaults.API_KEYS_DIR);
              assertThat(m.getReadOnly()).isTrue();
            });
  }

  @Test
  void podMetadataAndSchedulingArePassedThrough() {
    McpServer server =
        TestServers.helloWith(
            """
            pod:
              labels: {team: search, app.kubernetes.io/instance: hijack}
              annotations: {example.com/owner: search}
              nodeSelector: {pool: tools}
              priorityClassName: high
              terminationGracePeriodSeconds: 60
            """);

    var template = desired(server).getSpec().getTemplate();

    assertThat(template.getMetadata().getLabels())
        .containsEntry("team", "search")
        .containsEntry("app.kubernetes.io/instance", "hello");
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry("example.com/owner", "search")
        .containsKey(ConfigHash.ANNOTATION);
    assertThat(template.getSpec().getNodeSelector()).isEqualTo(Map.of("pool", "tools"));
    assertThat(template.getSpec().getPriorityClassName()).isEqualTo("high");
    assertThat(template.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(60L);
  }

  @Test
  void hashChangesWhenAReferencedValueChanges() {
    McpServer server = TestServers.parse(TestServers.WEATHER);
    var before = dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "a")));
    var after = dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "b")));

    assertThat(hash(after)).isNotEqualTo(hash(before));
  }

  @Test
  void hashIgnoresKeysThatNothingReferences() {
    McpServer server = TestServers.parse(TestServers.WEATHER);
    var before = dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "a")));
    var after =
        dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "a", "other", "x")));

    assertThat(hash(after)).isEqualTo(hash(before));
  }

  @Test
  void hashChangesWhenTheDefinitionChanges() {
    var before = desired(TestServers.parse(TestServers.HELLO));
    var after = desired(TestServers.parse(TestServers.HELLO.replace("Says hello.", "Greets.")));

    assertThat(hash(after)).isNotEqualTo(hash(before));
  }

  @Test
  void noSecretValueAppearsInTheDeployment() {
    McpServer server = TestServers.parse(TestServers.WEATHER);
    var deployment =
        dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "s3cr3t-value")));

    assertThat(io.fabric8.kubernetes.client.utils.Serialization.asYaml(deployment))
        .doesNotContain("s3cr3t-value");
  }

  private static String hash(Deployment deployment) {
    return deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(ConfigHash.ANNOTATION);
  }
}
