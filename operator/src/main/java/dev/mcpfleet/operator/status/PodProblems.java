package dev.mcpfleet.operator.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the pod problems users must fix themselves, with the Kubernetes reason as the condition
 * reason: an image that cannot be pulled, a container that keeps crashing, a pod that cannot be
 * scheduled.
 */
final class PodProblems {

  private static final Set<String> IMAGE =
      Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");
  private static final Set<String> CONTAINER =
      Set.of("CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError");

  private PodProblems() {}

  /** The first problem, looking at pods in name order so the answer is stable. */
  static Optional<ConditionState> first(Collection<Pod> pods) {
    return pods.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .flatMap(PodProblems::problems)
        .findFirst();
  }

  private static Stream<ConditionState> problems(Pod pod) {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    List<ContainerStatus> statuses =
        pod.getStatus().getContainerStatuses() == null
            ? List.of()
            : pod.getStatus().getContainerStatuses();
    Stream<ConditionState> containers =
        statuses.stream()
            .filter(s -> s.getState() != null && s.getState().getWaiting() != null)
            .map(s -> waiting(name, namespace, s))
            .flatMap(Optional::stream);
    Stream<ConditionState> scheduling =
        pod.getStatus().getConditions() == null
            ? Stream.empty()
            : pod.getStatus().getConditions().stream()
                .filter(PodProblems::unschedulable)
                .map(
                    c ->
                        ConditionState.isTrue(
                            "Unschedulable",
                            "pod "
                                + name
                                + " cannot be scheduled: "
                                + c.getMessage()
                                + "; check spec.pod resources, nodeSelector, tolerations and"
                                + " affinity"));
    return Stream.concat(containers, scheduling);
  }

  private static Optional<ConditionState> waiting(
      String pod, String namespace, ContainerStatus status) {
    String reason = status.getState().getWaiting().getReason();
    String detail =
        status.getState().getWaiting().getMessage() == null
            ? ""
            : " (" + status.getState().getWaiting().getMessage() + ")";
    if (IMAGE.contains(reason)) {
      return Optional.of(
          ConditionState.isTrue(
              reason,
              "pod "
                  + pod
                  + " cannot pull image '"
                  + status.getImage()
                  + "'"
                  + detail
                  + "; check spec.pod.image and spec.pod.imagePullSecrets"));
    }
    if (CONTAINER.contains(reason)) {
      return Optional.of(
          ConditionState.isTrue(
              reason,
              "container "
                  + status.getName()
                  + " of pod "
                  + pod
                  + " does not run"
                  + detail
                  + "; see kubectl logs -n "
                  + namespace
                  + " "
                  + pod));
    }
    return Optional.empty();
  }

  private static boolean unschedulable(PodCondition c) {
    return "PodScheduled".equals(c.getType())
        && "False".equals(c.getStatus())
        && "Unschedulable".equals(c.getReason());
  }
}
