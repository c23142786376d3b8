package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapDependentResourceTest {

  private final ConfigMapDependentResource dependent = new ConfigMapDependentResource();

  @Test
  void definitionIsAManifestTheRuntimeReadsBack() throws Exception {
    McpServer server = TestServers.parse(TestServers.WEATHER);

    ConfigMap configMap = dependent.desired(server, TestServers.inputs());
    McpServer read =
        ManifestReader.parse("mcpserver.yaml", configMap.getData().get("mcpserver.yaml"));

    assertThat(read.getMetadata().getName()).isEqualTo("weather");
    assertThat(read.getMetadata().getNamespace()).isEqualTo(TestServers.NAMESPACE);
    assertThat(read.getSpec().server()).isEqualTo(server.getSpec().server());
  }

  @Test
  void definitionKeepsTheRuntimeSectionsAndDropsKubernetesOnes() throws Exception {
    McpServer server =
        TestServers.helloWith(
            """
            security: {rateLimit: {requestsPerSecond: 5}}
            resilience: {timeout: 10s}
            observability: {logLevel: debug}
            network: {egress: {allowedHosts: [api.example.com]}}
            scaling: {replicas: 2}
            pod: {image: custom:1}
            """);

    String yaml = dependent.desired(server, TestServers.inputs()).getData().get("mcpserver.yaml");
    McpServer read = ManifestReader.parse("mcpserver.yaml", yaml);

    assertThat(read.getSpec().security()).isEqualTo(server.getSpec().security());
    assertThat(read.getSpec().resilience()).isEqualTo(server.getSpec().resilience());
    assertThat(read.getSpec().observability()).isEqualTo(server.getSpec().observability());
    assertThat(read.getSpec().network()).isEqualTo(server.getSpec().network());
    assertThat(read.getSpec().scaling()).isNull();
    assertThat(read.getSpec().pod()).isNull();
  }

  @Test
  void stringsThatLookLikeOtherTypesSurviveTheRoundTrip() throws Exception {
    McpServer server =
        TestServers.parse(
            TestServers.HELLO
                .replace(
                    "    name: hello\n    tools:",
                    "    name: hello\n    version: \"1.0\"\n    tools:")
                .replace("Says hello.", "'yes'"));

    String yaml = dependent.desired(server, TestServers.inputs()).getData().get("mcpserver.yaml");
    McpServer read = ManifestReader.parse("mcpserver.yaml", yaml);

    assertThat(read.getSpec().server().version()).isEqualTo("1.0");
    assertThat(read.getSpec().server().tools().get(0).description()).isEqualTo("yes");
  }

  @Test
  void definitionHoldsReferencesNeverSecretValues() {
    McpServer server = TestServers.parse(TestServers.WEATHER);

    ConfigMap configMap =
        dependent.desired(server, TestServers.weatherApiSecret(Map.of("token", "s3cr3t-value")));

    assertThat(configMap.getData().get("mcpserver.yaml"))
        .contains("secretKeyRef")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void configMapIsNamedAfterTheServerAndLabelled() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    ConfigMap configMap = dependent.desired(server, TestServers.inputs());

    assertThat(configMap.getMetadata().getName()).isEqualTo("hello-definition");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo(TestServers.NAMESPACE);
    assertThat(configMap.getMetadata().getLabels()).isEqualTo(ManagedLabels.of(server));
  }

  @Test
  void renderingIsDeterministic() {
    McpServer server = TestServers.parse(TestServers.WEATHER);

    assertThat(dependent.desired(server, TestServers.inputs()))
        .isEqualTo(dependent.desired(TestServers.parse(TestServers.WEATHER), TestServers.inputs()));
  }
}
