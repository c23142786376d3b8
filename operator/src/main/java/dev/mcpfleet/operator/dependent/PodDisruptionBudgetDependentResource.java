package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.ScalingSpec.DisruptionBudgetSpec;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Keeps voluntary disruptions (node drains, upgrades) from taking down more than one pod at a time,
 * so the server stays available while the cluster is maintained.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class PodDisruptionBudgetDependentResource
    extends McpServerDependentResource<PodDisruptionBudget> {

  public static final String NAME = "poddisruptionbudget";

  public PodDisruptionBudgetDependentResource() {
    super(PodDisruptionBudget.class);
  }

  @Override
  public PodDisruptionBudget desired(McpServer server, RenderInputs inputs) {
    DisruptionBudgetSpec spec = budget(server);
    IntOrString minAvailable = spec == null ? null : spec.minAvailable();
    IntOrString maxUnavailable =
        minAvailable != null
            ? null
            : spec != null && spec.maxUnavailable() != null
                ? spec.maxUnavailable()
                : new IntOrString(Defaults.MAX_UNAVAILABLE);
    return new PodDisruptionBudgetBuilder()
        .withMetadata(metadata(server))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(ManagedLabels.selector(server))
        .endSelector()
        .withMinAvailable(minAvailable)
        .withMaxUnavailable(maxUnavailable)
        .endSpec()
        .build();
  }

  private static DisruptionBudgetSpec budget(McpServer server) {
    var scaling = server.getSpec() == null ? null : server.getSpec().scaling();
    return scaling == null ? null : scaling.disruptionBudget();
  }

  /**
   * A budget only where it helps: not when switched off, and not for a single replica, where it
   * would block every node drain.
   */
  public static class DisruptionBudgetWanted extends SpecCondition<PodDisruptionBudget> {

    @Override
    public boolean holds(McpServer server) {
      DisruptionBudgetSpec spec = budget(server);
      boolean enabled = spec == null || !Boolean.FALSE.equals(spec.enabled());
      return enabled && Scaling.of(server).fewestReplicas() > 1;
    }
  }
}
