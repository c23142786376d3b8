package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.operator.reference.ReferencedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The offline render is what the operator applies. Golden files under src/test/resources/golden
 * show the complete objects; {@code -Dgolden.update=true} rewrites them after an intended change.
 */
class McpServerRendererTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void weatherRendersTheGoldenObjects() throws IOException {
    List<HasMetadata> objects =
        McpServerRenderer.render(
            TestServers.parse(TestServers.WEATHER),
            TestServers.config(),
            TestServers.secrets(TestServers.secret("weather-api", Map.of("token", "t0k3n"))));

    assertGolden("weather.yaml", objects);
  }

  @Test
  void fixedReplicasWithoutNetworkPolicyRendersTheGoldenObjects() throws IOException {
    List<HasMetadata> objects =
        McpServerRenderer.render(
            TestServers.helloWith(
                "scaling: {replicas: 1}\nnetwork: {enabled: false}\nobservability: {metrics: false}"),
            TestServers.config(),
            ReferencedData.none());

    assertGolden("hello-single-replica.yaml", objects);
  }

  @Test
  void rendersEveryKindInApplyOrderByDefault() {
    List<HasMetadata> objects =
        McpServerRenderer.render(
            TestServers.parse(TestServers.HELLO), TestServers.config(), ReferencedData.none());

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "ConfigMap",
            "ServiceAccount",
            "Service",
            "Deployment",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ServiceMonitor");
    assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences()).isEmpty());
  }

  @Test
  void aSpecTheOperatorWouldRejectIsNotRendered() {
    var server = TestServers.parse(TestServers.HELLO.replace("{{name}}", "{{nobody}}"));

    assertThatThrownBy(
            () -> McpServerRenderer.render(server, TestServers.config(), ReferencedData.none()))
        .isInstanceOf(McpServerRenderer.NotAcceptedException.class)
        .hasMessageStartingWith("InvalidSpec: spec.server.tools[0]");
  }

  private static void assertGolden(String file, List<HasMetadata> objects) throws IOException {
    String rendered = objects.stream().map(Serialization::asYaml).collect(Collectors.joining());
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, rendered);
    }
    assertThat(golden)
        .as("golden file %s; rewrite with -Dgolden.update=true after an intended change", file)
        .exists();
    assertThat(rendered).isEqualTo(Files.readString(golden));
  }
}
