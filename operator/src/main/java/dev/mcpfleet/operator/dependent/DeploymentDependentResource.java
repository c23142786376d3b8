package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime pods, per the guide's template: 3 replicas (or none at all in the applied object
 * while the HPA owns the count), RollingUpdate with maxUnavailable 1 / maxSurge 1, and the pod of
 * {@link RuntimePodTemplate}.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class DeploymentDependentResource extends McpServerDependentResource<Deployment> {

  public static final String NAME = "deployment";

  public DeploymentDependentResource() {
    super(Deployment.class);
  }

  @Override
  public Deployment desired(McpServer server, RenderInputs inputs) {
    Scaling scaling = Scaling.of(server);
    PodOptionsSpec.RolloutSpec rollout =
        server.getSpec().pod() == null ? null : server.getSpec().pod().rollout();
    return new DeploymentBuilder()
        .withMetadata(metadata(server))
        .withNewSpec()
        // Under server-side apply a field we leave out is not ours: the HPA may own it.
        .withReplicas(scaling.autoscaling() ? null : scaling.replicas())
        .withNewSelector()
        .withMatchLabels(ManagedLabels.selector(server))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(
            or(rollout == null ? null : rollout.maxUnavailable(), Defaults.MAX_UNAVAILABLE))
        .withMaxSurge(or(rollout == null ? null : rollout.maxSurge(), Defaults.MAX_SURGE))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(RuntimePodTemplate.of(server, inputs))
        .endSpec()
        .build();
  }

  private static IntOrString or(IntOrString value, int fallback) {
    return value == null ? new IntOrString(fallback) : value;
  }
}
