package dev.mcpfleet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.spec.ContentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  private static final String MANIFEST =
      """
      apiVersion: mcpfleet.dev/v1alpha1
      kind: McpServer
      metadata:
        name: hello
      spec:
        server:
          name: hello
          tools:
            - name: greet
              description: Says hello.
              text:
                content:
                  - type: text
                    text: "Hello, {{name}}!"
      """;

  @Test
  void readsAWholeManifest() throws Exception {
    McpServer server = ManifestReader.parse("hello.yaml", MANIFEST);

    assertThat(server.getMetadata().getName()).isEqualTo("hello");
    assertThat(server.getSpec().server().tools())
        .singleElement()
        .satisfies(
            tool -> {
              assertThat(tool.name()).isEqualTo("greet");
              assertThat(tool.text().content().get(0).type()).isEqualTo(ContentSpec.Type.TEXT);
            });
  }

  @Test
  void readsKubernetesQuantitiesInPodResources() throws Exception {
    McpServer server =
        ManifestReader.parse(
            "sized.yaml",
            MANIFEST
                + """
                  pod:
                    resources:
                      requests: {cpu: 500m, memory: 512Mi}
                      limits: {cpu: "1", memory: 1Gi}
                """);

    assertThat(server.getSpec().pod().resources().getRequests().get("cpu").toString())
        .isEqualTo("500m");
    assertThat(server.getSpec().pod().resources().getLimits().get("memory").toString())
        .isEqualTo("1Gi");
  }

  @Test
  void readsJustTheServerPart() throws Exception {
    McpServer server =
        ManifestReader.parse(
            "server.yaml",
            """
            name: bare
            tools:
              - name: ping
                description: Answers pong.
                text: {content: [{type: text, text: pong}]}
            """);

    assertThat(server.getMetadata().getName()).isEqualTo("bare");
    assertThat(server.getSpec().server().tools()).extracting("name").containsExactly("ping");
  }

  @Test
  void picksTheMcpServerAmongOtherDocuments() throws Exception {
    McpServer server =
        ManifestReader.parse(
            "multi.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {token: x}\n---\n"
                + MANIFEST);

    assertThat(server.getSpec().server().name()).isEqualTo("hello");
  }

  @Test
  void unknownFieldNamesThePathAndTheAllowedFields() {
    String typo = MANIFEST.replace("description: Says hello.", "descripton: Says hello.");

    assertThatThrownBy(() -> ManifestReader.parse("hello.yaml", typo))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("hello.yaml: spec.server.tools[0].descripton: unknown field")
        .hasMessageContaining("fields allowed here:")
        .hasMessageContaining("description");
  }

  @Test
  void wrongTypeSaysWhatWasExpected() {
    String wrongType = MANIFEST.replace("spec:\n", "spec:\n  scaling:\n    replicas: three\n");

    assertThatThrownBy(() -> ManifestReader.parse("hello.yaml", wrongType))
        .hasMessageContaining("spec.scaling.replicas")
        .hasMessageContaining("whole number");
  }

  @Test
  void numbersInQuotesAreNotCoercedIntoIntegers() {
    String quoted = MANIFEST.replace("spec:\n", "spec:\n  scaling:\n    replicas: \"3\"\n");

    assertThatThrownBy(() -> ManifestReader.parse("hello.yaml", quoted))
        .hasMessageContaining("spec.scaling.replicas");
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    String bad = MANIFEST.replace("type: text", "type: txt");

    assertThatThrownBy(() -> ManifestReader.parse("hello.yaml", bad))
        .hasMessageContaining("spec.server.tools[0].text.content[0].type")
        .hasMessageContaining(
            "'txt' is not allowed; use one of: text, image, audio, resource," + " resource_link");
  }

  @Test
  void malformedYamlGivesTheLine() {
    assertThatThrownBy(() -> ManifestReader.parse("broken.yaml", "name: [unclosed\n"))
        .hasMessageStartingWith("broken.yaml: not valid YAML or JSON at line");
  }

  @Test
  void wrongApiVersionIsNamed() {
    String bad = MANIFEST.replace("mcpfleet.dev/v1alpha1", "mcpfleet.dev/v1");

    assertThatThrownBy(() -> ManifestReader.parse("hello.yaml", bad))
        .hasMessageContaining("apiVersion: is 'mcpfleet.dev/v1'");
  }

  @Test
  void aFileWithoutAnMcpServerSaysWhatToWrite() {
    assertThatThrownBy(() -> ManifestReader.parse("cm.yaml", "apiVersion: v1\nkind: ConfigMap\n"))
        .hasMessageContaining("holds no McpServer");
  }

  @Test
  void missingFileIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> ManifestReader.read(dir.resolve("nope.yaml")))
        .hasMessageEndingWith("nope.yaml: no such file");
  }

  @Test
  void readsFromAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("hello.yaml"), MANIFEST);

    assertThat(ManifestReader.read(file).getSpec().server().name()).isEqualTo("hello");
  }
}
