package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import dev.mcpfleet.operator.reference.ConfigHash;
import dev.mcpfleet.operator.reference.SpecReferences;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime pod: restricted security (non-root, seccomp RuntimeDefault), no service-account
 * token, the definition ConfigMap and the API-key Secret as read-only volumes, an emptyDir at /tmp
 * (the root filesystem is read-only), the sidecar of an {@code http} upstream, and a hash
 * annotation that changes whenever anything the pod reads changes, so the Deployment rolls.
 */
final class RuntimePodTemplate {

  static final String DEFINITION_VOLUME = "definition";
  static final String TMP_VOLUME = "tmp";
  static final String API_KEYS_VOLUME = "api-keys";

  private RuntimePodTemplate() {}

  static PodTemplateSpec of(McpServer server, RenderInputs inputs) {
    PodOptionsSpec pod = server.getSpec().pod() == null ? emptyPod() : server.getSpec().pod();
    Map<String, String> labels = new LinkedHashMap<>();
    if (pod.labels() != null) {
      labels.putAll(pod.labels());
    }
    labels.putAll(ManagedLabels.of(server));
    Map<String, String> annotations = new LinkedHashMap<>();
    if (pod.annotations() != null) {
      annotations.putAll(pod.annotations());
    }
    annotations.put(
        ConfigHash.ANNOTATION,
        ConfigHash.of(
            RuntimeManifest.render(server),
            SpecReferences.of(server.getSpec()),
            inputs.references()));
    long grace =
        pod.terminationGracePeriodSeconds() == null
            ? Defaults.TERMINATION_GRACE_PERIOD_SECONDS
            : pod.terminationGracePeriodSeconds();
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(server.getMetadata().getName())
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(containers(server, pod, inputs))
        .withVolumes(volumes(server))
        .withTerminationGracePeriodSeconds(grace)
        .withImagePullSecrets(pod.imagePullSecrets())
        .withNodeSelector(pod.nodeSelector())
        .withTolerations(pod.tolerations())
        .withAffinity(pod.affinity())
        .withTopologySpreadConstraints(pod.topologySpreadConstraints())
        .withPriorityClassName(pod.priorityClassName())
        .endSpec()
        .build();
  }

  /** The runtime, then the upstream's sidecar when there is one. */
  private static List<Container> containers(
      McpServer server, PodOptionsSpec pod, RenderInputs inputs) {
    List<Container> containers = new ArrayList<>();
    containers.add(RuntimeContainer.of(server, pod, inputs.config()));
    UpstreamSidecar.of(server, pod).ifPresent(containers::add);
    return containers;
  }

  private static List<Volume> volumes(McpServer server) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(DEFINITION_VOLUME)
            .withNewConfigMap()
            .withName(ConfigMapDependentResource.name(server))
            .endConfigMap()
            .build());
    volumes.add(new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build());
    if (UpstreamSidecar.wanted(server)) {
      volumes.add(
          new VolumeBuilder()
              .withName(UpstreamSidecar.TMP_VOLUME)
              .withNewEmptyDir()
              .endEmptyDir()
              .build());
    }
    SpecReferences.apiKeySecret(server.getSpec())
        .ifPresent(
            secret ->
                volumes.add(
                    new VolumeBuilder()
                        .withName(API_KEYS_VOLUME)
                        .withNewSecret()
                        .withSecretName(secret)
                        .endSecret()
                        .build()));
    return volumes;
  }

  private static PodOptionsSpec emptyPod() {
    return new PodOptionsSpec(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }
}
