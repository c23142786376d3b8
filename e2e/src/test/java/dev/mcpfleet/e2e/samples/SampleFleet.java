package dev.mcpfleet.e2e.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.helm.HelmChart;
import dev.mcpfleet.e2e.support.Fleet;
import dev.mcpfleet.e2e.support.OperatorEnvironment;
import dev.mcpfleet.e2e.support.RuntimePod;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.operator.McpServerRenderer;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.reference.ReferencedData;
import dev.mcpfleet.operator.testing.DeploymentController;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One mock API server with the chart's CRD and the operator running with the chart's settings,
 * shared by the samples' tests: deploy a sample, check what the operator applied, serve it.
 */
final class SampleFleet implements AutoCloseable {

  static final String NAMESPACE = "samples";

  private final MockApiServer cluster = MockApiServer.start();
  private final OperatorConfig config;
  private final FleetOperator operator;

  SampleFleet() {
    var chart = HelmChart.render("{}");
    cluster.install(chart.all(CustomResourceDefinition.class));
    config = OperatorEnvironment.configOf(chart.one(Deployment.class));
    operator = FleetOperator.startOnMock(config, cluster.client());
  }

  KubernetesClient client() {
    return cluster.client();
  }

  static Secret secret(String namespace, String name, Map<String, String> data) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withData(
            data.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e ->
                            java.util.Base64.getEncoder()
                                .encodeToString(
                                    e.getValue()
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
        .build();
  }

  /** Applies the server (in its namespace, else {@link #NAMESPACE}) and its Secrets. */
  McpServer deploy(McpServer server, List<Secret> secrets) {
    if (server.getMetadata().getNamespace() == null) {
      server.getMetadata().setNamespace(NAMESPACE);
    }
    secrets.forEach(s -> client().resource(s).create());
    client().resource(server).create();
    Fleet.awaitCondition(
        client(),
        namespace(server),
        server.getMetadata().getName(),
        ConditionType.Accepted,
        "True");
    return server;
  }

  /**
   * Every object the operator's dependents want for this server exists as they want it (spec or
   * data, labels, owner), and nothing else of this server does. The ServiceMonitor waits for the
   * Prometheus Operator's CRD, which the mock does not have.
   */
  void assertReconciledAsRendered(McpServer server, List<Secret> secrets) {
    var serialization = client().getKubernetesSerialization();
    List<HasMetadata> desired =
        McpServerRenderer.render(server, config, ReferencedData.of(secrets, List.of())).stream()
            .filter(o -> !(o instanceof ServiceMonitor))
            .toList();
    for (HasMetadata want : desired) {
      HasMetadata live =
          Fleet.awaitObject(
              client(), want.getClass(), namespace(server), want.getMetadata().getName());
      JsonNode wanted = serialization.convertValue(want, JsonNode.class);
      JsonNode got = serialization.convertValue(live, JsonNode.class);
      String part = wanted.has("spec") ? "spec" : "data";
      assertThat(got.get(part)).as("%s %s", want.getKind(), part).isEqualTo(wanted.get(part));
      assertThat(live.getMetadata().getLabels())
          .containsAllEntriesOf(want.getMetadata().getLabels());
      assertThat(live.getMetadata().getOwnerReferences())
          .as("%s owner", want.getKind())
          .singleElement()
          .satisfies(
              owner -> {
                assertThat(owner.getKind()).isEqualTo("McpServer");
                assertThat(owner.getName()).isEqualTo(server.getMetadata().getName());
              });
    }
    for (Class<? extends HasMetadata> optional : OPTIONAL_KINDS) {
      if (desired.stream().noneMatch(optional::isInstance)) {
        assertThat(
                client()
                    .resources(optional)
                    .inNamespace(namespace(server))
                    .withName(server.getMetadata().getName())
                    .get())
            .as("no %s for %s", optional.getSimpleName(), server.getMetadata().getName())
            .isNull();
      }
    }
  }

  private static final List<Class<? extends HasMetadata>> OPTIONAL_KINDS =
      List.of(
          io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
          io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
          io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);

  /** Marks the Deployment ready, waits for Ready=True, and starts one pod's runtime. */
  RuntimeProcess serve(McpServer server, Path podDir) {
    String name = server.getMetadata().getName();
    Deployment deployment = Fleet.awaitObject(client(), Deployment.class, namespace(server), name);
    DeploymentController.markReady(client(), deployment);
    Fleet.awaitCondition(client(), namespace(server), name, ConditionType.Ready, "True");
    return RuntimePod.start(deployment, client(), podDir);
  }

  static String namespace(McpServer server) {
    return server.getMetadata().getNamespace();
  }

  @Override
  public void close() {
    operator.close();
    cluster.close();
  }
}
