package dev.mcpfleet.e2e.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.support.Fleet;
import dev.mcpfleet.e2e.support.OperatorEnvironment;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.operator.testing.DeploymentController;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole slice on the mock API server: the chart's CRD and RBAC installed, the operator run with
 * the settings the chart gives it, a sample applied, its Deployment made ready, Ready=True with the
 * URL in status, then the runtime started with exactly what the Deployment gives the pod, and a
 * tool called with the official MCP Java SDK client.
 */
class EndToEndOnMockApiServerTest {

  static final String NAMESPACE = "demo";

  @Test
  void helmInstallThenApplyASampleThenCallItsTool(@TempDir Path podDir) throws Exception {
    List<HasMetadata> chart = Slice.chart();
    try (MockApiServer cluster = MockApiServer.start()) {
      var client = cluster.client();
      cluster.install(Slice.crdAndRbac(chart));
      cluster.createNamespace(NAMESPACE);

      try (FleetOperator operator =
          FleetOperator.startOnMock(
              OperatorEnvironment.configOf(Slice.operatorDeployment(chart)), client)) {
        McpServer hello = ManifestReader.read(Samples.named("hello.yaml"));
        hello.getMetadata().setNamespace(NAMESPACE);
        client.resource(hello).create();

        Deployment deployment = Fleet.awaitObject(client, Deployment.class, NAMESPACE, "hello");
        DeploymentController.markReady(client, deployment);
        McpServer ready =
            Fleet.awaitCondition(client, NAMESPACE, "hello", ConditionType.Ready, "True");

        assertThat(ready.getStatus().url()).isEqualTo("http://hello.demo.svc:8080/mcp");
        assertThat(
                deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
            .isEqualTo(System.getProperty("mcpfleet.runtime.image"));

        Slice.assertPodServesItsTools(deployment, client, podDir, ready);
      }
    }
  }
}
