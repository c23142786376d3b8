package dev.mcpfleet.operator.dependent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The file the runtime serves: an McpServer manifest (the same format {@code serve} reads) with the
 * sections that shape the running server. Scaling and pod settings are left out, since they concern
 * Kubernetes, not the process; Secret values were never in the spec, only references.
 */
public final class RuntimeManifest {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private RuntimeManifest() {}

  /** The manifest text for {@code server}; deterministic, so it hashes the same every time. */
  public static String render(McpServer server) {
    McpServerSpec spec = server.getSpec();
    McpServer runtime = new McpServer();
    runtime.setMetadata(
        new ObjectMetaBuilder()
            .withName(server.getMetadata().getName())
            .withNamespace(server.getMetadata().getNamespace())
            .build());
    runtime.setSpec(
        new McpServerSpec(
            spec.server(),
            spec.upstream(),
            spec.security(),
            spec.resilience(),
            null,
            null,
            spec.network(),
            spec.observability()));
    try {
      return YAML.writeValueAsString(runtime);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write the manifest of " + server.getMetadata().getName(), e);
    }
  }
}
