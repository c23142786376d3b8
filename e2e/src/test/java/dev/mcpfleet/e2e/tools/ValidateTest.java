package dev.mcpfleet.e2e.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import dev.mcpfleet.operator.validation.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mcp-fleet validate}: every sample passes; broken manifests fail with exit code 1 and the
 * reasons and messages the operator's Accepted condition would carry.
 */
class ValidateTest {

  static final String HEADER =
      """
      apiVersion: mcpfleet.dev/v1alpha1
      kind: McpServer
      metadata:
        name: %s
      spec:
      """;

  @TempDir Path dir;

  /** A manifest whose only tool has no implementation: Accepted=False, reason InvalidSpec. */
  static Path toolWithoutImplementation(Path dir) throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file,
        HEADER.formatted("broken")
            + "  server:\n    name: b\n    tools: [{name: t, description: d}]\n");
    return file;
  }

  static List<Path> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleIsValid(Path sample) throws Exception {
    ToolRun run = ToolRun.of("validate", sample.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            sample + ": valid McpServer " + ManifestReader.read(sample).getMetadata().getName());
  }

  static List<Arguments> broken() {
    return List.of(
        Arguments.of(
            "tool without implementation",
            "bad-tool",
            """
              server:
                name: bad
                tools:
                  - name: t
                    description: does nothing
            """,
            "InvalidSpec"),
        Arguments.of(
            "name that cannot name a Service",
            "Bad_Name",
            """
              server:
                name: bad
                tools:
                  - {name: t, description: d, text: {content: [{type: text, text: hi}]}}
            """,
            "InvalidSpec"),
        Arguments.of(
            "input schema that is no JSON Schema",
            "bad-schema",
            """
              server:
                name: bad
                tools:
                  - name: t
                    description: d
                    inputSchema: {type: object, properties: {n: {type: numbr}}}
                    text: {content: [{type: text, text: hi}]}
            """,
            "InvalidToolSchema"),
        Arguments.of(
            "upstream command without the image that has it",
            "fronted",
            """
              upstream:
                command: {command: [node, /app/server.js]}
            """,
            "InvalidSpec"),
        Arguments.of(
            "HTTP tool calling a host outside the egress allow-list",
            "leaky",
            """
              server:
                name: leaky
                tools:
                  - name: t
                    description: d
                    http: {url: "https://evil.example.com/x"}
              network:
                egress: {allowedHosts: [api.example.com]}
            """,
            "InvalidSpec"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void brokenManifestFailsWithTheAcceptedConditionsReasonAndMessages(
      String what, String name, String spec, String reason) throws Exception {
    Path file = write(name, spec);
    McpServer server = ManifestReader.read(file);
    Acceptance operator = AcceptanceCheck.standard().checkSpec(server);

    ToolRun run = ToolRun.of("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(operator.reason()).isEqualTo(reason);
    assertThat(run.err()).contains(file + ": Accepted=False, reason " + reason);
    for (Finding finding : operator.findings()) {
      assertThat(run.err()).contains(finding.reason() + ": " + finding.message());
    }
    assertThat(run.out()).isEmpty();
  }

  @Test
  void manifestTheApiServerWouldRefuseNamesTheField() throws IOException {
    Path file = write("typo", "  server:\n    name: typo\n    toolz: []\n");

    ToolRun run = ToolRun.of("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("not a valid McpServer manifest")
        .contains("spec.server.toolz: unknown field 'toolz'");
  }

  @Test
  void oneBadFileAmongGoodOnesFailsTheRunAndTheGoodOnesAreStillReported() throws IOException {
    Path bad =
        write("bad-tool", "  server:\n    name: b\n    tools: [{name: t, description: d}]\n");
    Path good = Samples.named("hello.yaml");

    ToolRun run = ToolRun.of("validate", good.toString(), bad.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains(good + ": valid McpServer hello");
    assertThat(run.err()).contains(bad + ": Accepted=False");
  }

  @Test
  void validManifestSaysWhichSecretsTheClusterMustHold() {
    ToolRun run = ToolRun.of("validate", Samples.named("github-issues.yaml").toString());

    assertThat(run.out()).contains("the cluster must hold: Secret 'github-token' key 'token'");
  }

  @Test
  void missingFileIsAProblemNotACrash() {
    ToolRun run = ToolRun.of("validate", dir.resolve("nope.yaml").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("nope.yaml").contains("no such file");
  }

  private Path write(String name, String spec) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, HEADER.formatted(name) + spec);
    return file;
  }
}
