package dev.mcpfleet.e2e.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.mcpfleet.e2e.support.Repository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The MCP Fleet chart in helm/mcp-fleet, driven through helm-java (the helm library bundled as a
 * native binary): lint, and template with a values file, parsed into fabric8 objects.
 */
public final class HelmChart {

  public static final String RELEASE = "fleet";
  public static final String NAMESPACE = "mcp-system";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private HelmChart() {}

  public static Path dir() {
    return Repository.resolve("helm/mcp-fleet");
  }

  static LintResult lint() {
    // helm-java's lint takes no values; the default values are what users install.
    return new Helm(dir()).lint().strict().call();
  }

  /** Renders the chart as `helm template fleet helm/mcp-fleet -n mcp-system -f values` would. */
  public static RenderedChart render(String valuesYaml) {
    String manifest = template(valuesYaml);
    return new RenderedChart(manifest, parse(manifest));
  }

  /** The raw output of `helm template`; throws IllegalStateException with Helm's message. */
  public static String template(String valuesYaml) {
    Path values = writeValues(valuesYaml);
    try {
      return new Helm(dir())
          .template()
          .withName(RELEASE)
          .withNamespace(NAMESPACE)
          .withValuesFile(values)
          .call();
    } finally {
      deleteQuietly(values);
    }
  }

  static List<HasMetadata> parse(String manifest) {
    Object parsed = SERIALIZATION.unmarshal(manifest);
    if (parsed instanceof List<?> list) {
      return list.stream().map(HasMetadata.class::cast).toList();
    }
    return parsed == null ? List.of() : List.of((HasMetadata) parsed);
  }

  private static Path writeValues(String valuesYaml) {
    try {
      Path file = Files.createTempFile("mcp-fleet-values-", ".yaml");
      Files.writeString(file, valuesYaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file; the OS cleans up
    }
  }
}
