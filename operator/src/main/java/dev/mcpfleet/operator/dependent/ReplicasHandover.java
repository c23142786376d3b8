package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;

/**
 * Hands the Deployment's spec.replicas from the operator to the HPA without a scale-down.
 *
 * <p>Under server-side apply, a field that its only manager stops applying is removed, and an
 * absent spec.replicas means 1: switching from fixed replicas to autoscaling would briefly shrink
 * the server to one pod. So before the operator's first apply without replicas, a second field
 * manager applies the current count alone (the hand-over that the Kubernetes documentation
 * describes). The count then stays co-owned when the operator lets go, and the HPA takes over from
 * there. Without server-side apply (the tests' mock API server) nothing needs handing over.
 */
public final class ReplicasHandover {

  /** The field manager that holds the count during the hand-over. */
  public static final String FIELD_MANAGER = "mcp-fleet-replicas-handover";

  private ReplicasHandover() {}

  /** Hands over if autoscaling is on and the operator's last apply still owns spec.replicas. */
  public static void prepare(McpServer server, Deployment actual, Context<McpServer> context) {
    var configuration = context.getControllerConfiguration();
    boolean ssa =
        configuration.getConfigurationService().ssaBasedCreateUpdateMatchForDependentResources();
    if (!ssa
        || actual == null
        || actual.getSpec() == null
        || actual.getSpec().getReplicas() == null
        || !Scaling.of(server).autoscaling()
        || !ownsReplicas(actual, configuration.fieldManager())) {
      return;
    }
    Deployment replicasOnly =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(actual.getMetadata().getName())
            .withNamespace(actual.getMetadata().getNamespace())
            .endMetadata()
            .withNewSpec()
            .withReplicas(actual.getSpec().getReplicas())
            .endSpec()
            .build();
    context
        .getClient()
        .resource(replicasOnly)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** True when {@code manager}'s apply owns spec.replicas. */
  static boolean ownsReplicas(Deployment deployment, String manager) {
    if (deployment.getMetadata().getManagedFields() == null) {
      return false;
    }
    for (ManagedFieldsEntry entry : deployment.getMetadata().getManagedFields()) {
      if (manager.equals(entry.getManager())
          && "Apply".equals(entry.getOperation())
          && entry.getFieldsV1() != null
          && entry.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
          && spec.containsKey("f:replicas")) {
        return true;
      }
    }
    return false;
  }
}
