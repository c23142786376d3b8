package dev.mcpfleet.e2e.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.operator.McpServerRenderer;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.reference.ReferencedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mcp-fleet render}: prints exactly the objects the operator's dependents compute for a
 * manifest, in the namespace asked for; refuses what the operator would not accept.
 */
class RenderTest {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static List<Path> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleRendersExactlyWhatTheOperatorWouldApply(Path sample) throws Exception {
    McpServer server = ManifestReader.read(sample);
    String namespace =
        server.getMetadata().getNamespace() == null
            ? "default"
            : server.getMetadata().getNamespace();
    server.getMetadata().setNamespace(namespace);
    List<HasMetadata> operator =
        McpServerRenderer.render(server, OperatorConfig.defaults(), ReferencedData.none());

    ToolRun run = ToolRun.of("render", sample.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(operator.stream().map(SERIALIZATION::asYaml).collect(Collectors.joining()));
    List<HasMetadata> printed = parse(run.out());
    assertThat(printed)
        .extracting(HasMetadata::getKind)
        .contains("ConfigMap", "ServiceAccount", "Deployment", "Service");
    assertThat(printed)
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(namespace));
  }

  @Test
  void namespaceOptionPlacesEveryObject() {
    ToolRun run =
        ToolRun.of("render", Samples.named("hello.yaml").toString(), "--namespace", "staging");

    assertThat(parse(run.out()))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("staging"));
  }

  @Test
  void runtimeImageOptionIsTheOperatorsSetting() {
    ToolRun run =
        ToolRun.of(
            "render",
            Samples.named("hello.yaml").toString(),
            "--runtime-image",
            "registry.example.com/mcp/runtime:9.9.9");

    assertThat(run.out()).contains("image: \"registry.example.com/mcp/runtime:9.9.9\"");
  }

  @Test
  void manifestTheOperatorWouldRejectPrintsNoObjects(@TempDir Path dir) throws IOException {
    Path file = ValidateTest.toolWithoutImplementation(dir);

    ToolRun run = ToolRun.of("render", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Accepted=False, reason InvalidSpec");
  }

  static List<HasMetadata> parse(String yaml) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    if (parsed instanceof List<?> list) {
      return list.stream().map(HasMetadata.class::cast).toList();
    }
    return parsed == null ? List.of() : List.of((HasMetadata) parsed);
  }
}
