package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.api.spec.PodOptionsSpec.ProbeSpec;
import dev.mcpfleet.api.spec.ValueSource;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.reference.DeclaredValue;
import dev.mcpfleet.operator.reference.SpecReferences;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The runtime container: {@code serve} on the mounted definition, the guide's probes and resources,
 * a restricted security context, and one environment variable per value kept in a Secret or
 * ConfigMap (named by {@code ValueSource.envName()}, which the runtime reads). A runtime that runs
 * its upstream as a child process gets the image and variables of {@link UpstreamProcess}.
 */
final class RuntimeContainer {

  static final String NAME = "mcp-server";
  static final String PORT_NAME = "http";
  static final String TMP_DIR = "/tmp";

  private RuntimeContainer() {}

  static Container of(McpServer server, PodOptionsSpec pod, OperatorConfig config) {
    return new ContainerBuilder()
        .withName(NAME)
        .withImage(UpstreamProcess.image(server, pod, config))
        .withImagePullPolicy(
            pod.imagePullPolicy() == null ? "IfNotPresent" : pod.imagePullPolicy().name())
        .withArgs(
            "serve",
            Defaults.CONFIG_DIR + "/" + Defaults.CONFIG_FILE,
            "--bind",
            "0.0.0.0",
            "--port",
            String.valueOf(Defaults.PORT))
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(Defaults.PORT)
        .withProtocol("TCP")
        .endPort()
        .withEnv(environment(server, pod))
        .withEnvFrom(pod.envFrom())
        .withResources(ContainerResources.of(pod.resources()))
        .withLivenessProbe(
            probe(
                Defaults.HEALTH_PATH,
                pod.livenessProbe(),
                Defaults.LIVENESS_INITIAL_DELAY_SECONDS,
                Defaults.LIVENESS_PERIOD_SECONDS))
        .withReadinessProbe(
            probe(
                Defaults.READY_PATH,
                pod.readinessProbe(),
                Defaults.READINESS_INITIAL_DELAY_SECONDS,
                Defaults.READINESS_PERIOD_SECONDS))
        .withSecurityContext(restricted())
        .withVolumeMounts(mounts(server))
        .build();
  }

  /** Values from Secrets and ConfigMaps first (sorted, one per name), then spec.pod.env. */
  static List<EnvVar> environment(McpServer server, PodOptionsSpec pod) {
    List<EnvVar> own = pod.env() == null ? List.of() : pod.env();
    Set<String> ownNames = own.stream().map(EnvVar::getName).collect(Collectors.toSet());
    Map<String, EnvVar> declared = new TreeMap<>();
    for (DeclaredValue value : SpecReferences.declaredValues(server.getSpec())) {
      String name = value.source().envName();
      if (!ownNames.contains(name)) {
        declared.putIfAbsent(name, fromSource(name, value.source()));
      }
    }
    List<EnvVar> env = new ArrayList<>(declared.values());
    env.addAll(UpstreamProcess.environment(server, pod));
    env.addAll(own);
    return env;
  }

  /**
   * The Kubernetes "restricted" container profile: non-root, no privilege escalation, read-only
   * root filesystem, no capabilities. The runtime and an upstream's sidecar share it.
   */
  static SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  /** A variable {@code name} whose value Kubernetes reads from {@code source}'s key. */
  static EnvVar fromSource(String name, ValueSource source) {
    var ref = source.ref();
    var env = new EnvVarBuilder().withName(name).withNewValueFrom();
    if (source.secret()) {
      env.withNewSecretKeyRef().withName(ref.name()).withKey(ref.key()).endSecretKeyRef();
    } else {
      env.withNewConfigMapKeyRef().withName(ref.name()).withKey(ref.key()).endConfigMapKeyRef();
    }
    return env.endValueFrom().build();
  }

  private static Probe probe(String path, ProbeSpec spec, int delay, int period) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(Defaults.PORT))
        .endHttpGet()
        .withInitialDelaySeconds(or(spec == null ? null : spec.initialDelaySeconds(), delay))
        .withPeriodSeconds(or(spec == null ? null : spec.periodSeconds(), period))
        .withTimeoutSeconds(or(spec == null ? null : spec.timeoutSeconds(), 1))
        .withFailureThreshold(or(spec == null ? null : spec.failureThreshold(), 3))
        .build();
  }

  private static List<VolumeMount> mounts(McpServer server) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(RuntimePodTemplate.DEFINITION_VOLUME, Defaults.CONFIG_DIR, true));
    mounts.add(mount(RuntimePodTemplate.TMP_VOLUME, TMP_DIR, false));
    if (SpecReferences.apiKeySecret(server.getSpec()).isPresent()) {
      mounts.add(mount(RuntimePodTemplate.API_KEYS_VOLUME, Defaults.API_KEYS_DIR, true));
    }
    return mounts;
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly ? Boolean.TRUE : null)
        .build();
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
