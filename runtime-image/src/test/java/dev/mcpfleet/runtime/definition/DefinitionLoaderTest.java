package dev.mcpfleet.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.spi.McpProvider;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionLoaderTest {

  static final String HELLO =
      """
      apiVersion: mcpfleet.dev/v1alpha1
      kind: McpServer
      metadata: {name: hello}
      spec:
        server:
          name: hello
          version: 2.0.0
          instructions: Greets people.
          tools:
            - {name: greet, description: Says hello., text: {content: [{type: text, text: hi}]}}
          resources:
            - {uri: "docs://a", name: a, text: A}
          prompts:
            - {name: p, messages: [{role: user, content: {type: text, text: x}}]}
        security:
          authorization:
            rules: [{tools: [greet, from_code]}]
      """;

  @TempDir Path dir;

  private static McpProvider providing(String toolName) {
    McpTool tool =
        new McpTool() {
          @Override
          public ToolDescriptor descriptor() {
            return new ToolDescriptor(toolName, null, "from code", null, null, null, null, false);
          }

          @Override
          public ToolResult call(
              dev.mcpfleet.runtime.spi.ToolCall call,
              dev.mcpfleet.runtime.spi.CallContext context) {
            return ToolResult.text("code");
          }
        };
    return new McpProvider() {
      @Override
      public List<McpTool> tools() {
        return List.of(tool);
      }
    };
  }

  private static DefinitionLoader loader(McpProvider... providers) {
    return new DefinitionLoader(
        new HttpToolSettings(
            HttpToolSettings.defaults().client(), List.of(), Map.<String, String>of()::get),
        () -> List.of(providers));
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("mcpserver.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void manifestItemsComeFirstThenThoseOfProviders() throws Exception {
    ServerDefinition definition = loader(providing("from_code")).load(write(HELLO));

    assertThat(definition.tools())
        .extracting(t -> t.descriptor().name())
        .containsExactly("greet", "from_code");
    assertThat(definition.resources()).hasSize(1);
    assertThat(definition.prompts()).hasSize(1);
    assertThat(definition.info().version()).isEqualTo("2.0.0");
    assertThat(definition.info().instructions()).isEqualTo("Greets people.");
    assertThat(definition.manifest().getMetadata().getName()).isEqualTo("hello");
  }

  @Test
  void anAuthorizationRuleNamingNoToolFailsNamingFileAndPath() throws Exception {
    Path file = write(HELLO);

    assertThatThrownBy(() -> loader().load(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(
            file + ": spec.security.authorization.rules[0].tools[1]: 'from_code' names no tool");
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    Path file = write(HELLO.replace("text: hi}", "text: \"{{who}}\"}"));

    assertThatThrownBy(() -> loader().load(file))
        .isInstanceOf(ManifestException.class)
        .satisfies(e -> assertThat(((ManifestException) e).problems()).hasSize(2))
        .hasMessageContaining(file + ": 2 problems")
        .hasMessageContaining(
            "spec.server.tools[0].text.content[0].text: {{who}} names nothing declared")
        .hasMessageContaining("spec.security.authorization.rules[0].tools[1]");
  }

  @Test
  void aToolDefinedByTheManifestAndByCodeIsRefused() throws Exception {
    assertThatThrownBy(() -> loader(providing("greet"), providing("from_code")).load(write(HELLO)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("'greet' is defined twice (together with the items of code");
  }

  @Test
  void aProviderThatFailsFailsTheLoadNamingIt() throws Exception {
    McpProvider broken =
        new McpProvider() {
          @Override
          public List<McpTool> tools() {
            throw new IllegalStateException("no database configured");
          }
        };

    assertThatThrownBy(() -> loader(broken).load(write(HELLO)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("an McpProvider on the classpath failed to provide its items")
        .hasMessageContaining("no database configured");
  }

  @Test
  void unsetSecretVariablesFailTheLoad() throws Exception {
    Path file =
        write(
            HELLO.replace(
                "text: {content: [{type: text, text: hi}]}",
                "http: {url: 'https://api.example.com/', headers: [{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: region}}}]}"));

    assertThatThrownBy(() -> loader(providing("from_code")).load(file))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            file
                + ": set MCP_CONFIG_CFG_REGION (key 'region' of ConfigMap 'cfg', referenced by"
                + " spec.server.tools[0].http.headers[0])");
  }

  @Test
  void aMissingFileSaysSo() {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> loader().load(file))
        .hasMessage(file + ": no such file; check the path");
  }

  private static final String UPSTREAM =
      "apiVersion: mcpfleet.dev/v1alpha1\nkind: McpServer\nmetadata: {name: u}\n"
          + "spec: {upstream: {command: {command: [node, s.js]}}}\n";

  @Test
  void aLoaderThatFrontsNothingRefusesAnUpstreamSayingHowToServeIt() throws Exception {
    Path file = write(UPSTREAM);

    assertThatThrownBy(() -> loader().load(file))
        .hasMessageContaining("spec.upstream: this loader cannot front an existing MCP server");
  }

  @Test
  void anUpstreamManifestServesTheItemsOfItsFronting() throws Exception {
    McpTool upstreamTool = providing("remembered").tools().getFirst();
    List<String> asked = new java.util.ArrayList<>();
    DefinitionLoader loader =
        new DefinitionLoader(
            HttpToolSettings.defaults(),
            () -> List.of(providing("from_code")),
            manifest -> {
              asked.add(String.valueOf(manifest.getSpec().upstream()));
              return manifest.getSpec().upstream() == null
                  ? java.util.Optional.empty()
                  : java.util.Optional.of(
                      new dev.mcpfleet.runtime.declarative.ManifestItems(
                          new ServerDefinition.ServerInfo("up", "1.0", null, null, null, null),
                          List.of(upstreamTool),
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of()));
            });

    ServerDefinition fronting = loader.load(write(UPSTREAM));
    ServerDefinition declared = loader.load(write(HELLO));

    assertThat(fronting.tools())
        .extracting(t -> t.descriptor().name())
        .containsExactly("remembered", "from_code");
    assertThat(fronting.info().name()).isEqualTo("up");
    assertThat(declared.info().name()).isEqualTo("hello");
    assertThat(asked).hasSize(2).last().isEqualTo("null");
  }
}
