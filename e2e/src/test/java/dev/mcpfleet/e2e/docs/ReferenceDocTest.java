package dev.mcpfleet.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.e2e.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/reference.md documents every McpServer field from the CRD's descriptions; like crds/, it is
 * generated and committed, and this test fails while the committed file is stale.
 */
class ReferenceDocTest {

  static final String CRD = "crds/mcpservers.mcpfleet.dev-v1.yml";
  static final Path COMMITTED = Repository.resolve("docs/reference.md");

  static String generated() throws IOException {
    JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(Repository.resolve(CRD).toFile());
    return ReferenceDoc.render(crd, CRD);
  }

  @Test
  void committedReferenceIsGeneratedFromTheCurrentCrd() throws IOException {
    String generated = generated();
    // crd.update too: one command refreshes crds/, the chart's copy and this page after a change.
    if (Boolean.getBoolean("docs.update") || Boolean.getBoolean("crd.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated);
    }

    assertThat(COMMITTED).as("docs/reference.md").exists();
    assertThat(Files.readString(COMMITTED))
        .as(
            "docs/reference.md is stale: run ./mvnw -pl e2e -am test -Dtest=ReferenceDocTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true and commit it")
        .isEqualTo(generated);
  }

  @Test
  void referenceDocumentsEveryDescribedFieldOfTheSpec() throws IOException {
    String reference = generated();

    assertThat(reference)
        .contains("## <a id=\"spec-server-tools\"></a>`spec.server.tools[]`")
        .contains(
            "| `jwksUri` | string | **Required.** Where the issuer publishes its signing keys")
        .contains("| `mode` | string | **Required.**")
        .contains("One of: `apiKey`, `jwt`, `none`.")
        .contains("a tool needs exactly one implementation: set either text or http")
        .contains("## <a id=\"status\"></a>`status`");
  }

  @Test
  void listsOfValuesSayWhatEachItemMayBe() throws IOException {
    String reference = generated();

    assertThat(reference)
        .contains("Each item: at least 1, at most 65535.")
        .contains("Each item: not empty, at most 253 characters, matches `^(\\*\\.)?")
        .contains("Each item: one of `assistant`, `user`.");
  }

  @Test
  void embeddedKubernetesTypesAreNotExpanded() throws IOException {
    String reference = generated();

    assertThat(reference)
        .contains("| `affinity` | object | Node and pod affinity rules. |")
        .doesNotContain("`spec.pod.affinity`");
  }
}
