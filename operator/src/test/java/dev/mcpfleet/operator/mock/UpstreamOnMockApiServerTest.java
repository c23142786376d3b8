package dev.mcpfleet.operator.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.testing.DeploymentController;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** McpServers that front an existing MCP server, reconciled by the operator on the mock API. */
class UpstreamOnMockApiServerTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void anUpstreamServerIsAcceptedDeployedAndReadyWithItsSidecar() {
    try (MockApiServer api = MockApiServer.withMcpServerCrd();
        FleetOperator operator = FleetOperator.startOnMock(TestServers.config(), api.client())) {
      KubernetesClient client = api.client();
      client.resource(TestServers.secret("weather-api", Map.of("key", "k3y"))).create();
      client
          .resource(
              TestServers.parse(
                  """
                  apiVersion: mcpfleet.dev/v1alpha1
                  kind: McpServer
                  metadata: {name: weather}
                  spec:
                    upstream:
                      http: {image: "registry.example.com/team/weather-mcp:2.3.0"}
                      env:
                        - {name: WEATHER_KEY, valueFrom: {secretKeyRef: {name: weather-api, key: key}}}
                  """))
          .create();

      Deployment deployment =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      client
                          .apps()
                          .deployments()
                          .inNamespace(TestServers.NAMESPACE)
                          .withName("weather")
                          .get(),
                  d -> d != null);
      DeploymentController.markReady(client, deployment);
      McpServer ready =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      client
                          .resources(McpServer.class)
                          .inNamespace(TestServers.NAMESPACE)
                          .withName("weather")
                          .get(),
                  s -> TestServers.hasCondition(s, ConditionType.Ready, "True"));

      assertThat(TestServers.hasCondition(ready, ConditionType.Accepted, "True")).isTrue();
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
          .extracting(c -> c.getName())
          .containsExactly("mcp-server", "upstream");
      ConfigMap definition =
          client
              .configMaps()
              .inNamespace(TestServers.NAMESPACE)
              .withName("weather-definition")
              .get();
      assertThat(definition.getData().get("mcpserver.yaml"))
          .contains("upstream:")
          .contains("weather-mcp:2.3.0")
          .doesNotContain("k3y");
    }
  }
}
