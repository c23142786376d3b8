package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.mcpfleet.e2e.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart as a package: its metadata, lint, and the one-object-per-file layout. */
class ChartMetadataTest {

  @Test
  void chartVersionAndAppVersionEqualTheProjectVersion() throws IOException {
    JsonNode chart =
        new ObjectMapper(new YAMLFactory())
            .readTree(HelmChart.dir().resolve("Chart.yaml").toFile());

    assertThat(chart.path("appVersion").asText())
        .as("Chart.yaml appVersion: set it to the Maven project version")
        .isEqualTo(Repository.projectVersion());
    assertThat(chart.path("version").asText())
        .as("Chart.yaml version: set it to the Maven project version")
        .isEqualTo(Repository.projectVersion());
  }

  @Test
  void chartPassesStrictLint() {
    LintResult result = HelmChart.lint();

    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .as("lint warnings and errors")
        .noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
  }

  @Test
  void notesSayWhatToDoNextInTheModeInstalled() {
    String clusterWide = notes("{}");
    String namespaced = notes("watchNamespaces: [team-a]");

    assertThat(clusterWide)
        .contains("every namespace (cluster-wide mode)")
        .contains("kubectl apply -f samples/hello.yaml")
        .contains("kubectl get mcp -A")
        .contains("kubectl wait --for=condition=Ready mcpserver/hello");
    assertThat(namespaced)
        .contains("team-a (namespaced mode)")
        .contains("kubectl apply -n team-a -f samples/hello.yaml");
  }

  /** NOTES.txt as `helm install --dry-run` prints it. */
  private static String notes(String values) {
    try {
      Path file = Files.createTempFile("mcp-fleet-values-", ".yaml");
      Files.writeString(file, values);
      try {
        return Helm.install(HelmChart.dir().toString())
            .withName(HelmChart.RELEASE)
            .withNamespace(HelmChart.NAMESPACE)
            .withValuesFile(file)
            .clientOnly()
            .dryRun()
            .call()
            .getOutput();
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyTemplateIsNumberedByInstallOrderAndNamedByKind() throws IOException {
    try (Stream<Path> files = Files.list(HelmChart.dir().resolve("templates"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .filteredOn(name -> name.endsWith(".yaml"))
          .isNotEmpty()
          .allMatch(name -> name.matches("\\d\\d-[a-z]+(-[a-z]+)*\\.yaml"), "NN-kind[-what].yaml");
    }
  }

  @Test
  void eachTemplateFileRendersObjectsOfOneKind() {
    RenderedChart everything =
        HelmChart.render(
            """
            watchNamespaces: [team-a, team-b]
            replicaCount: 2
            serviceMonitor: {enabled: true}
            prometheusRule: {enabled: true}
            """);

    assertThat(everything.sources())
        .allSatisfy((file, kinds) -> assertThat(kinds).as("kinds rendered by %s", file).hasSize(1));
    assertThat(everything.sources())
        .allSatisfy(
            (file, kinds) ->
                assertThat(file)
                    .as("file named by its kind")
                    .contains("-" + kinds.iterator().next().toLowerCase()));
  }
}
