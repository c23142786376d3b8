package dev.mcpfleet.bench.operator;

import dev.mcpfleet.bench.common.ImageEntrypoint;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's JVM options as a Helm install runs it: the image's (operator/Dockerfile), the
 * chart's JAVA_TOOL_OPTIONS (jvm.maxRamPercentage in values.yaml) and the chart's memory limit
 * (resources.limits.memory) as the memory the JVM sizes itself for, as under that container limit.
 */
final class OperatorCommand {

  private OperatorCommand() {}

  static List<String> jvmOptions(Path repo) {
    List<String> options =
        new ArrayList<>(ImageEntrypoint.jvmOptions(repo.resolve("operator/Dockerfile")));
    Map<?, ?> values = values(repo.resolve("helm/mcp-fleet/values.yaml"));
    options.add("-XX:MaxRAMPercentage=" + path(values, "jvm", "maxRamPercentage"));
    options.add("-XX:MaxRAM=" + path(values, "resources", "limits", "memory").replace("Mi", "m"));
    return options;
  }

  private static Map<?, ?> values(Path file) {
    try {
      return Serialization.unmarshal(Files.readString(file), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chart's values: " + file, e);
    }
  }

  private static String path(Map<?, ?> values, String... keys) {
    Object node = values;
    for (String key : keys) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (node == null) {
      throw new IllegalStateException(
          "helm/mcp-fleet/values.yaml has no " + String.join(".", keys));
    }
    return node.toString();
  }
}
