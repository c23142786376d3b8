package dev.mcpfleet.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;

/**
 * Reads what the Deployment controller reports: whether enough replicas are available and whether a
 * rollout is under way, finished, or stuck past its progress deadline.
 */
final class RolloutState {

  static final String ROLLOUT_STUCK = "RolloutStuck";
  static final String ROLLING_OUT = "RollingOut";
  static final String ROLLOUT_COMPLETE = "RolloutComplete";

  private final Deployment deployment;
  private final DeploymentStatus status;

  RolloutState(Deployment deployment) {
    this.deployment = deployment;
    this.status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
  }

  /** Replicas the Deployment asks for (Kubernetes defaults an absent count to 1). */
  int desired() {
    Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  int ready() {
    return zeroIfNull(status.getReadyReplicas());
  }

  int running() {
    return zeroIfNull(status.getReplicas());
  }

  ConditionState available() {
    if (desired() == 0) {
      return ConditionState.isFalse("ScaledToZero", "the server runs 0 replicas");
    }
    String counts = ready() + " of " + desired() + " replicas ready";
    Optional<DeploymentCondition> reported = condition("Available");
    boolean available = reported.map(c -> "True".equals(c.getStatus())).orElse(ready() > 0);
    return available
        ? ConditionState.isTrue("MinimumReplicasAvailable", counts)
        : ConditionState.isFalse("MinimumReplicasUnavailable", counts);
  }

  ConditionState progressing() {
    Optional<DeploymentCondition> progress = condition("Progressing");
    if (progress.isPresent()
        && "False".equals(progress.get().getStatus())
        && "ProgressDeadlineExceeded".equals(progress.get().getReason())) {
      return ConditionState.isFalse(ROLLOUT_STUCK, stuckMessage(progress.get()));
    }
    Long generation = deployment.getMetadata().getGeneration();
    Long seen = status.getObservedGeneration();
    if (generation != null && (seen == null || seen < generation)) {
      return ConditionState.isTrue(
          ROLLING_OUT, "the Deployment controller has not yet seen the latest change");
    }
    int updated = zeroIfNull(status.getUpdatedReplicas());
    int availableCount = zeroIfNull(status.getAvailableReplicas());
    if (updated < desired() || running() > updated || availableCount < updated) {
      return ConditionState.isTrue(
          ROLLING_OUT,
          updated + " of " + desired() + " replicas updated, " + availableCount + " available");
    }
    return ConditionState.isFalse(
        ROLLOUT_COMPLETE, "all " + desired() + " replicas run the current definition");
  }

  /** The rollout is stuck, if it is. */
  Optional<ConditionState> stuck() {
    ConditionState progressing = progressing();
    return ROLLOUT_STUCK.equals(progressing.reason())
        ? Optional.of(ConditionState.isTrue(ROLLOUT_STUCK, progressing.message()))
        : Optional.empty();
  }

  private String stuckMessage(DeploymentCondition progress) {
    String detail = progress.getMessage() == null ? "" : " (" + progress.getMessage() + ")";
    return "the rollout made no progress within its deadline"
        + detail
        + "; look at the pods: kubectl describe pods -n "
        + deployment.getMetadata().getNamespace()
        + " -l app.kubernetes.io/instance="
        + deployment.getMetadata().getName();
  }

  private Optional<DeploymentCondition> condition(String type) {
    return status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }
}
