package dev.mcpfleet.operator.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the Deployment controller where none runs (the mock API server; a control plane without
 * kubelet): reports a Deployment's replicas as up to date, ready and available, as the controller
 * would once its pods are ready. The status is written on the latest version of the Deployment, so
 * it holds even when the operator wrote the Deployment in between.
 */
public final class DeploymentController {

  private DeploymentController() {}

  /** Every replica the Deployment asks for ready (1 when it leaves the count to an HPA). */
  public static Deployment markReady(KubernetesClient client, Deployment deployment) {
    return write(client, deployment, null);
  }

  /** {@code replicas} replicas ready, e.g. what an HPA scaled a Deployment without a count to. */
  public static Deployment markReady(KubernetesClient client, Deployment deployment, int replicas) {
    return write(client, deployment, replicas);
  }

  private static Deployment write(KubernetesClient client, Deployment deployment, Integer count) {
    return ConcurrentEdits.of(
            client,
            Deployment.class,
            deployment.getMetadata().getNamespace(),
            deployment.getMetadata().getName())
        .editStatus(
            latest -> {
              latest.setStatus(ready(latest, count != null ? count : specReplicas(latest)));
              return latest;
            });
  }

  private static int specReplicas(Deployment deployment) {
    Integer replicas = deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  private static DeploymentStatus ready(Deployment deployment, int replicas) {
    return new DeploymentStatusBuilder()
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(replicas)
        .withAvailableReplicas(replicas)
        .withConditions(
            new DeploymentConditionBuilder()
                .withType("Available")
                .withStatus("True")
                .withReason("MinimumReplicasAvailable")
                .build(),
            new DeploymentConditionBuilder()
                .withType("Progressing")
                .withStatus("True")
                .withReason("NewReplicaSetAvailable")
                .build())
        .build();
  }
}
