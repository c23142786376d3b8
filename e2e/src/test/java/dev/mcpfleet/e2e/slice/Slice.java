package dev.mcpfleet.e2e.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.helm.HelmChart;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.RuntimePod;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The chart's objects that the slice installs before the operator runs. */
final class Slice {

  private Slice() {}

  /** The chart with its default values (cluster-wide mode). */
  static List<HasMetadata> chart() {
    return HelmChart.render("{}").objects();
  }

  /** The CRD first, then the ServiceAccount and its (Cluster)Roles and bindings. */
  static List<HasMetadata> crdAndRbac(List<HasMetadata> chart) {
    List<Class<?>> order =
        List.of(
            CustomResourceDefinition.class,
            ServiceAccount.class,
            ClusterRole.class,
            ClusterRoleBinding.class,
            Role.class,
            RoleBinding.class);
    return order.stream().flatMap(type -> chart.stream().filter(type::isInstance)).toList();
  }

  /**
   * Starts the runtime as the Deployment's pod would run, and checks with the official MCP client
   * that it offers the tools the status lists and answers the hello sample's greet.
   */
  static void assertPodServesItsTools(
      Deployment deployment, KubernetesClient client, Path podDir, McpServer ready) {
    try (RuntimeProcess pod = RuntimePod.start(deployment, client, podDir);
        McpSyncClient mcp = McpClients.connect(pod.mcpUrl(), null)) {
      McpSchema.CallToolResult greeting =
          mcp.callTool(new McpSchema.CallToolRequest("greet", Map.of("name", "Ada")));

      assertThat(mcp.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyElementsOf(ready.getStatus().tools());
      assertThat(((McpSchema.TextContent) greeting.content().getFirst()).text())
          .contains("Hello, Ada");
    }
  }

  static Deployment operatorDeployment(List<HasMetadata> chart) {
    return chart.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
