package dev.mcpfleet.api.validation;

import static dev.mcpfleet.api.validation.Specs.problems;
import static dev.mcpfleet.api.validation.Specs.serverProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestException.Problem;
import org.junit.jupiter.api.Test;

/** The rules the CRD's schema and CEL enforce, enforced again for serve (no API server). */
class SpecValidatorCrdRulesTest {

  private static final String TOOL =
      """
      tools:
        - name: greet
          description: Says hello.
          text: {content: [{type: text, text: hi}]}
      """;

  @Test
  void aMinimalServerIsValid() {
    assertThat(serverProblems("name: hello\n" + TOOL)).isEmpty();
  }

  @Test
  void serverAndUpstreamTogetherAreRejected() {
    var problems =
        problems(
            """
            server: {name: hello}
            upstream: {command: {command: [node, server.js]}}
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "spec",
                "set exactly one of spec.server (tools declared in this manifest) or"
                    + " spec.upstream (an existing MCP server to front)"));
  }

  @Test
  void neitherServerNorUpstreamIsRejected() {
    assertThat(problems("scaling: {replicas: 2}"))
        .extracting(Problem::path)
        .containsExactly("spec");
  }

  @Test
  void aToolNeedsExactlyOneImplementation() {
    var none =
        serverProblems(
            """
            name: hello
            tools: [{name: greet, description: Says hello.}]
            """);
    var both =
        serverProblems(
            """
            name: hello
            tools:
              - name: greet
                description: Says hello.
                text: {content: [{type: text, text: hi}]}
                http: {url: "https://api.example.com/greet"}
            """);

    assertThat(none)
        .extracting(Problem::toString)
        .contains(
            "spec.server.tools[0]: a tool needs exactly one implementation: set either text or http");
    assertThat(both).extracting(Problem::path).containsExactly("spec.server.tools[0]");
  }

  @Test
  void duplicateToolNamesAreReportedAtTheDuplicate() {
    var problems =
        serverProblems(
            """
            name: hello
            tools:
              - {name: greet, description: a, text: {content: [{type: text, text: a}]}}
              - {name: other, description: b, text: {content: [{type: text, text: b}]}}
              - {name: greet, description: c, text: {content: [{type: text, text: c}]}}
            """);

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.server.tools[2].name");
              assertThat(p.message())
                  .startsWith("'greet' is declared twice: tool names must be unique");
            });
  }

  @Test
  void duplicateResourceUrisAndPromptNamesAreRejected() {
    var problems =
        serverProblems(
            """
            name: hello
            resources:
              - {uri: "docs://a", name: a, text: A}
              - {uri: "docs://a", name: b, text: B}
            prompts:
              - {name: p, messages: [{role: user, content: {type: text, text: x}}]}
              - {name: p, messages: [{role: user, content: {type: text, text: y}}]}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.server.resources[1].uri", "spec.server.prompts[1].name");
  }

  @Test
  void replicasAndAutoscalingExcludeEachOther() {
    var problems =
        problems("server: {name: s}\nscaling: {replicas: 2, autoscaling: {maxReplicas: 4}}");

    assertThat(problems)
        .containsExactly(
            new Problem(
                "spec.scaling", "set either replicas (a fixed count) or autoscaling, not both"));
  }

  @Test
  void minReplicasMustNotExceedMaxReplicas() {
    var problems =
        problems("server: {name: s}\nscaling: {autoscaling: {minReplicas: 5, maxReplicas: 4}}");

    assertThat(problems)
        .containsExactly(
            new Problem("spec.scaling.autoscaling", "minReplicas must not exceed maxReplicas"));
  }

  @Test
  void authModesNeedTheirSection() {
    assertThat(problems("server: {name: s}\nsecurity: {auth: {mode: jwt}}"))
        .extracting(Problem::toString)
        .containsExactly(
            "spec.security.auth: mode jwt needs the jwt section (issuer, audiences, jwksUri)");
    assertThat(problems("server: {name: s}\nsecurity: {auth: {mode: apiKey}}"))
        .extracting(Problem::path)
        .containsExactly("spec.security.auth");
    assertThat(problems("server: {name: s}\nsecurity: {auth: {mode: none}}")).isEmpty();
  }

  @Test
  void aHeaderNeedsExactlyOneOfValueOrValueFrom() {
    var problems =
        serverProblems(
            """
            name: s
            tools:
              - name: t
                description: d
                http:
                  url: https://api.example.com/x
                  headers:
                    - {name: X-A}
                    - name: X-B
                      value: b
                      valueFrom: {secretKeyRef: {name: s, key: k}, configMapKeyRef: {name: c, key: k}}
            """);

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "spec.server.tools[0].http.headers[0]: a header needs exactly one of value or"
                + " valueFrom",
            "spec.server.tools[0].http.headers[1]: a header needs exactly one of value or"
                + " valueFrom",
            "spec.server.tools[0].http.headers[1].valueFrom: set exactly one of secretKeyRef or"
                + " configMapKeyRef");
  }

  @Test
  void contentBlocksMustBeComplete() {
    var problems =
        serverProblems(
            """
            name: s
            tools:
              - name: t
                description: d
                text:
                  content:
                    - {type: text}
                    - {type: image, data: aGk=}
                    - {type: resource}
                    - {type: resource_link, uri: "docs://a"}
                    - {type: resource, resource: {uri: "docs://a", text: a, blob: aGk=}}
            """);

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "spec.server.tools[0].text.content[0]: a text content block needs text",
            "spec.server.tools[0].text.content[1]: image and audio content blocks need data"
                + " (base64) and mimeType",
            "spec.server.tools[0].text.content[2]: a resource content block needs resource (the"
                + " embedded resource)",
            "spec.server.tools[0].text.content[3]: a resource_link content block needs uri and"
                + " name",
            "spec.server.tools[0].text.content[4].resource: an embedded resource needs exactly"
                + " one of text or blob");
  }

  @Test
  void requiredFieldsAreReportedWithWhatTheyAreFor() {
    var problems =
        serverProblems("name: s\ntools: [{name: t, text: {content: [{type: text, text: x}]}}]");

    assertThat(problems)
        .containsExactly(
            new Problem(
                "spec.server.tools[0].description",
                "is required (What the tool does and when to use it; the model reads this)"));
  }

  @Test
  void patternsSizesAndBoundsOfTheCrdAreEnforced() {
    var problems =
        problems(
            """
            server:
              name: "my server"
              title: "%s"
            scaling: {replicas: 1001}
            """
                .formatted("x".repeat(257)));

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "spec.server.name: 'my server' does not match ^[A-Za-z0-9_.-]+$ (The server's name as"
                + " clients see it (serverInfo.name); letters, digits, '_', '.' and '-')",
            "spec.server.title: has 257 characters; at most 256 are allowed",
            "spec.scaling.replicas: is 1001; it must be at most 1000");
  }

  @Test
  void durationsMustParse() {
    var problems =
        problems(
            "server: {name: s}\nresilience: {timeout: 99999999999999999999h, retry: {backoff: 1x}}");

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.resilience.timeout", "spec.resilience.retry.backoff");
    assertThat(problems.get(0).message()).contains("too long a duration");
    assertThat(problems.get(1).message()).contains("does not match");
  }

  @Test
  void egressHostsAndPortsMustBeWellFormed() {
    var problems =
        problems(
            "server: {name: s}\nnetwork: {egress: {allowedHosts: [api.example.com, 'http://x'],"
                + " ports: [443, 70000]}}");

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.network.egress.allowedHosts[1]", "spec.network.egress.ports[1]");
  }

  @Test
  void upstreamNeedsExactlyOneSourceAndEnvNeedsOneValue() {
    var problems =
        problems(
            """
            upstream:
              command: {command: [node]}
              http: {image: example/mcp:1}
              env: [{name: A}]
            """);

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "spec.upstream: an upstream needs exactly one of package, command or http",
            "spec.upstream.env[0]: an environment variable needs exactly one of value or"
                + " valueFrom");
  }
}
