package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runtime container needs when its upstream is a child process ({@code spec.upstream}
 * {@code package} or {@code command}): the image with the package's runner ({@code npx} in the Node
 * variant, {@code uvx} in the Python one) unless {@code spec.pod.image} names another, and a HOME
 * and caches in the writable /tmp, since the root filesystem is read-only.
 */
final class UpstreamProcess {

  private UpstreamProcess() {}

  /** The runtime container's image. */
  static String image(McpServer server, PodOptionsSpec pod, OperatorConfig config) {
    if (pod.image() != null) {
      return pod.image();
    }
    UpstreamSpec.PackageSpec pkg = packageOf(server);
    if (pkg == null) {
      return config.runtimeImage();
    }
    return switch (pkg.registryType()) {
      case NPM -> config.upstreamImages().node();
      case PYPI -> config.upstreamImages().python();
    };
  }

  /**
   * The variables a child process needs, leaving out those {@code spec.pod.env} sets itself: HOME
   * and XDG_CACHE_HOME in /tmp (npm's and uv's caches go there), and npm's update check off.
   */
  static List<EnvVar> environment(McpServer server, PodOptionsSpec pod) {
    UpstreamSpec upstream = server.getSpec().upstream();
    if (upstream == null || upstream.http() != null) {
      return List.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("HOME", RuntimeContainer.TMP_DIR);
    values.put("XDG_CACHE_HOME", RuntimeContainer.TMP_DIR + "/.cache");
    UpstreamSpec.PackageSpec pkg = upstream.packageSpec();
    if (pkg != null && pkg.registryType() == UpstreamSpec.RegistryType.NPM) {
      values.put("npm_config_update_notifier", "false");
    }
    if (pod.env() != null) {
      pod.env().forEach(own -> values.remove(own.getName()));
    }
    List<EnvVar> env = new ArrayList<>();
    values.forEach(
        (name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
    return env;
  }

  private static UpstreamSpec.PackageSpec packageOf(McpServer server) {
    UpstreamSpec upstream = server.getSpec().upstream();
    return upstream == null ? null : upstream.packageSpec();
  }
}
