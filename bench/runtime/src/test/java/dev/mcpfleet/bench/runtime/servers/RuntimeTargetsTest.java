package dev.mcpfleet.bench.runtime.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.api.validation.SpecValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifests the benchmark serves are valid and set the layers as their names say. */
class RuntimeTargetsTest {

  @TempDir Path runDir;

  private RuntimeTargets targets() {
    return new RuntimeTargets(
        new Launch(runDir, ""), Path.of("../..").toAbsolutePath().normalize());
  }

  @Test
  void textServerServesTwentyValidToolsWithTheLayersOff() throws Exception {
    targets().text();

    McpServer server = manifest("runtime-text.yaml");
    assertThat(SpecValidator.validate(server.getSpec())).isEmpty();
    assertThat(server.getSpec().server().tools()).hasSize(20);
    assertThat(server.getSpec().security().auth().mode()).isEqualTo(AuthSpec.Mode.NONE);
    assertThat(server.getSpec().security().rateLimit().enabled()).isFalse();
    assertThat(server.getSpec().security().audit().enabled()).isFalse();
    assertThat(server.getSpec().observability().metrics()).isFalse();
  }

  @Test
  void layeredServerTurnsEveryGuideLayerOnAndItsCallCarriesTheApiKey() throws Exception {
    Target layered = targets().textWithLayers();

    McpServer server = manifest("runtime-text-layers.yaml");
    assertThat(SpecValidator.validate(server.getSpec())).isEmpty();
    assertThat(server.getSpec().security().auth().mode()).isEqualTo(AuthSpec.Mode.API_KEY);
    assertThat(server.getSpec().security().rateLimit().requestsPerSecond()).isEqualTo(1_000_000);
    assertThat(server.getSpec().security().audit().enabled()).isTrue();
    assertThat(server.getSpec().observability().metrics()).isTrue();
    String key = Files.readString(runDir.resolve("api-keys/bench")).strip();
    assertThat(layered.call().headers()).containsEntry("Authorization", "Bearer " + key);
  }

  @Test
  void httpServerCallsTheGivenUpstream() throws Exception {
    targets().http("http://127.0.0.1:9/weather");

    McpServer server = manifest("runtime-http.yaml");
    assertThat(SpecValidator.validate(server.getSpec())).isEmpty();
    assertThat(server.getSpec().server().tools().get(0).http().url())
        .isEqualTo("http://127.0.0.1:9/weather?city={{city}}");
  }

  private McpServer manifest(String name) throws Exception {
    return ManifestReader.read(runDir.resolve(name));
  }
}
