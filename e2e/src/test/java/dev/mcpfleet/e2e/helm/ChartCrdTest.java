package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.Repository;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chart installs and upgrades the McpServer CRD: it ships it as a template (Helm never upgrades
 * a chart's crds/ folder) built from a verbatim copy of the repository's crds/ file.
 */
class ChartCrdTest {

  static final String CRD_FILE = "mcpservers.mcpfleet.dev-v1.yml";
  static final Path GENERATED = Repository.resolve("crds/" + CRD_FILE);
  static final Path CHART_COPY = HelmChart.dir().resolve("files/" + CRD_FILE);

  @Test
  void chartCopyOfTheCrdEqualsTheGeneratedOne() throws IOException {
    String generated = Files.readString(GENERATED);
    if (Boolean.getBoolean("crd.update")) {
      Files.writeString(CHART_COPY, generated);
    }

    assertThat(Files.readString(CHART_COPY))
        .as(
            "helm/mcp-fleet/files/%s differs from crds/%s: run ./mvnw -pl api,e2e test"
                + " -Dcrd.update=true and commit both",
            CRD_FILE, CRD_FILE)
        .isEqualTo(generated);
  }

  @Test
  void renderedCrdIsTheGeneratedCrdKeptOnUninstall() throws IOException {
    CustomResourceDefinition generated =
        new KubernetesSerialization()
            .unmarshal(Files.readString(GENERATED), CustomResourceDefinition.class);

    CustomResourceDefinition rendered = HelmChart.render("{}").one(CustomResourceDefinition.class);

    assertThat(rendered.getMetadata().getName()).isEqualTo("mcpservers.mcpfleet.dev");
    assertThat(rendered.getSpec()).isEqualTo(generated.getSpec());
    assertThat(rendered.getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");
    assertThat(rendered.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/part-of", "mcp-fleet");
  }

  @Test
  void crdIsDeletedWithTheReleaseOnlyWhenAskedTo() {
    CustomResourceDefinition rendered =
        HelmChart.render("crds: {keep: false}").one(CustomResourceDefinition.class);

    assertThat(rendered.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void crdCanBeLeftToAnotherTool() {
    RenderedChart chart = HelmChart.render("crds: {install: false}");

    assertThat(chart.all(CustomResourceDefinition.class)).isEmpty();
  }
}
