package dev.mcpfleet.e2e.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.helm.HelmChart;
import dev.mcpfleet.e2e.support.Fleet;
import dev.mcpfleet.e2e.support.OperatorEnvironment;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.operator.testing.DeploymentController;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.KubeLocal;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slice on a real API server (skipped where none is available): `helm install` of the chart,
 * the operator run as in production (server-side apply) with nothing but the chart's RBAC (its
 * client impersonates the chart's ServiceAccount), a sample applied, its Deployment made ready,
 * Ready=True with the URL, the runtime started from the pod contract and called by the official MCP
 * client.
 */
@ExtendWith(KubeLocal.class)
class EndToEndOnApiServerTest {

  static final String NAMESPACE = "demo";
  static final String OPERATOR_ACCOUNT =
      "system:serviceaccount:" + HelmChart.NAMESPACE + ":" + HelmChart.RELEASE + "-mcp-fleet";

  @Test
  void helmInstallThenApplyASampleThenCallItsTool(
      KubeLocal.ControlPlane plane, @TempDir Path podDir) throws Exception {
    try (KubernetesClient admin =
        new KubernetesClientBuilder().withConfig(plane.config()).build()) {
      Helm.install(HelmChart.dir().toString())
          .withName(HelmChart.RELEASE)
          .withNamespace(HelmChart.NAMESPACE)
          .createNamespace()
          .withKubeConfig(plane.kubeconfig())
          .call();
      try {
        Fleet.awaitCrdEstablished(admin);
        admin
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
            .serverSideApply();
        // The operator's settings are those of the Deployment Helm installed.
        Deployment installed =
            admin
                .apps()
                .deployments()
                .inNamespace(HelmChart.NAMESPACE)
                .withName(HelmChart.RELEASE + "-mcp-fleet")
                .get();

        try (KubernetesClient asOperator =
                new KubernetesClientBuilder().withConfig(operatorIdentity(plane)).build();
            FleetOperator operator =
                FleetOperator.start(
                    OperatorEnvironment.configOf(installed), rbacInEffect(asOperator))) {
          McpServer hello = Samples.read("hello.yaml");
          hello.getMetadata().setNamespace(NAMESPACE);
          admin.resource(hello).serverSideApply();

          Deployment deployment = Fleet.awaitObject(admin, Deployment.class, NAMESPACE, "hello");
          DeploymentController.markReady(admin, deployment);
          McpServer ready =
              Fleet.awaitCondition(admin, NAMESPACE, "hello", ConditionType.Ready, "True");
          assertThat(ready.getStatus().url()).isEqualTo("http://hello.demo.svc:8080/mcp");

          Slice.assertPodServesItsTools(deployment, admin, podDir, ready);
        }
      } finally {
        // The CRD stays (resource-policy keep); other tests may install the release again.
        Helm.uninstall(HelmChart.RELEASE)
            .withNamespace(HelmChart.NAMESPACE)
            .withKubeConfig(plane.kubeconfig())
            .call();
      }
    }
  }

  /**
   * The API server authorizes from a cache of the chart's (Cluster)Roles that lags behind `helm
   * install` by a moment; an operator started before would fail its first list with 403.
   */
  private static KubernetesClient rbacInEffect(KubernetesClient asOperator) {
    await()
        .atMost(Fleet.WAIT)
        .alias("the chart's RBAC lets the operator list McpServers")
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 403)
        .until(() -> asOperator.resources(McpServer.class).inAnyNamespace().list() != null);
    return asOperator;
  }

  private static Config operatorIdentity(KubeLocal.ControlPlane plane) {
    Config config = plane.config();
    config.setImpersonateUsername(OPERATOR_ACCOUNT);
    config.setImpersonateGroups(
        "system:serviceaccounts", "system:serviceaccounts:" + HelmChart.NAMESPACE);
    return config;
  }
}
