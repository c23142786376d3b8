package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.EnvSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container of an {@code http} upstream: the team's MCP server image beside the runtime, which
 * reaches it on localhost. Its variables come from {@code spec.upstream.env} (Secret and ConfigMap
 * keys straight from their objects); it gets the guide's resources unless the spec says otherwise,
 * the same restricted security context as the runtime (non-root, no privilege escalation, no
 * capabilities, read-only root filesystem with its own /tmp), and a TCP liveness probe. Only the
 * runtime's port is in the Service and the NetworkPolicy: clients never reach the sidecar.
 */
final class UpstreamSidecar {

  static final String NAME = "upstream";
  static final String TMP_VOLUME = "upstream-tmp";
  static final int DEFAULT_PORT = 3000;

  private UpstreamSidecar() {}

  /** Whether {@code server}'s upstream is an HTTP image, run as this sidecar. */
  static boolean wanted(McpServer server) {
    UpstreamSpec upstream = server.getSpec().upstream();
    return upstream != null && upstream.http() != null;
  }

  /** The sidecar of {@code server}, when its upstream is an HTTP image. */
  static Optional<Container> of(McpServer server, PodOptionsSpec pod) {
    if (!wanted(server)) {
      return Optional.empty();
    }
    UpstreamSpec upstream = server.getSpec().upstream();
    UpstreamSpec.HttpUpstreamSpec http = upstream.http();
    int port = port(http);
    return Optional.of(
        new ContainerBuilder()
            .withName(NAME)
            .withImage(http.image())
            .withImagePullPolicy(
                pod.imagePullPolicy() == null ? "IfNotPresent" : pod.imagePullPolicy().name())
            .withArgs(http.args())
            .addNewPort()
            .withName(NAME)
            .withContainerPort(port)
            .withProtocol("TCP")
            .endPort()
            .withEnv(environment(upstream))
            .withResources(ContainerResources.of(http.resources()))
            .withNewLivenessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString(port))
            .endTcpSocket()
            .withInitialDelaySeconds(Defaults.LIVENESS_INITIAL_DELAY_SECONDS)
            .withPeriodSeconds(Defaults.LIVENESS_PERIOD_SECONDS)
            .endLivenessProbe()
            .withSecurityContext(RuntimeContainer.restricted())
            .addNewVolumeMount()
            .withName(TMP_VOLUME)
            .withMountPath(RuntimeContainer.TMP_DIR)
            .endVolumeMount()
            .build());
  }

  static int port(UpstreamSpec.HttpUpstreamSpec http) {
    return http.port() == null ? DEFAULT_PORT : http.port();
  }

  /** Literal values as written; Secret and ConfigMap keys read by Kubernetes, not copied. */
  private static List<EnvVar> environment(UpstreamSpec upstream) {
    List<EnvVar> env = new ArrayList<>();
    for (EnvSpec variable : upstream.env() == null ? List.<EnvSpec>of() : upstream.env()) {
      env.add(
          variable.valueFrom() == null
              ? new EnvVarBuilder().withName(variable.name()).withValue(variable.value()).build()
              : RuntimeContainer.fromSource(variable.name(), variable.valueFrom()));
    }
    return env;
  }
}
