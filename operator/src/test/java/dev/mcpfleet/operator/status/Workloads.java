package dev.mcpfleet.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;

/** Deployments and pods in the states the Deployment controller and kubelet report. */
final class Workloads {

  private Workloads() {}

  static Deployment deployment(
      int desired, int updated, int ready, DeploymentCondition... conditions) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("hello")
        .withNamespace("tools")
        .withGeneration(2L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(desired)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(2L)
        .withReplicas(Math.max(desired, updated))
        .withUpdatedReplicas(updated)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .withConditions(conditions)
        .endStatus()
        .build();
  }

  static Deployment ready(int replicas) {
    return deployment(
        replicas, replicas, replicas, condition("Available", "True", "MinimumReplicasAvailable"));
  }

  static DeploymentCondition condition(String type, String status, String reason) {
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage("ReplicaSet \"hello-123\" has timed out progressing.")
        .build();
  }

  private static PodBuilder pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("tools").endMetadata();
  }

  static Pod waiting(String name, String reason, String message) {
    return pod(name)
        .withNewStatus()
        .addNewContainerStatus()
        .withName("mcp-server")
        .withImage("mcp-fleet/runtime:nope")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  static Pod unschedulable(String name) {
    return pod(name)
        .withNewStatus()
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("False")
        .withReason("Unschedulable")
        .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
        .endCondition()
        .endStatus()
        .build();
  }
}
