package dev.mcpfleet.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.reference.ReferencedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceptanceCheckTest {

  private final AcceptanceCheck check = AcceptanceCheck.standard();

  @Test
  void aValidServerWithItsSecretIsAccepted() {
    Acceptance acceptance =
        check.check(
            TestServers.parse(TestServers.WEATHER),
            TestServers.secrets(TestServers.secret("weather-api", Map.of("token", "t"))));

    assertThat(acceptance.accepted()).isTrue();
    assertThat(acceptance.reason()).isEqualTo("Accepted");
  }

  @Test
  void missingSecretIsNamedWithTheFieldToChange() {
    Acceptance acceptance =
        check.check(TestServers.parse(TestServers.WEATHER), ReferencedData.none());

    assertThat(acceptance.accepted()).isFalse();
    assertThat(acceptance.reason()).isEqualTo("SecretNotFound");
    assertThat(acceptance.message())
        .isEqualTo(
            "Secret 'weather-api' not found in namespace 'tools'; create it or change"
                + " spec.server.tools[0].http.headers[0].valueFrom");
  }

  @Test
  void missingKeyIsNamedWithTheFieldToChange() {
    Acceptance acceptance =
        check.check(
            TestServers.parse(TestServers.WEATHER),
            TestServers.secrets(TestServers.secret("weather-api", Map.of("tokn", "t"))));

    assertThat(acceptance.reason()).isEqualTo("SecretKeyNotFound");
    assertThat(acceptance.message())
        .isEqualTo(
            "Secret 'weather-api' has no key 'token'; add it or change"
                + " spec.server.tools[0].http.headers[0].valueFrom");
  }

  @Test
  void missingConfigMapAndKeyHaveTheirOwnReasons() {
    McpServer server =
        TestServers.helloWith(
            "resilience: {redis: {urlFrom: {configMapKeyRef: {name: cache, key: url}}}}");

    Acceptance missing = check.check(server, ReferencedData.none());
    Acceptance noKey =
        check.check(
            server,
            ReferencedData.of(
                List.of(), List.of(TestServers.configMap("cache", Map.of("u", "x")))));

    assertThat(missing.reason()).isEqualTo("ConfigMapNotFound");
    assertThat(missing.message()).contains("spec.resilience.redis.urlFrom");
    assertThat(noKey.reason()).isEqualTo("ConfigMapKeyNotFound");
    assertThat(noKey.message())
        .isEqualTo(
            "ConfigMap 'cache' has no key 'url'; add it or change spec.resilience.redis.urlFrom");
  }

  @Test
  void podEnvironmentReferencesAreCheckedUnlessOptional() {
    McpServer server =
        TestServers.helloWith(
            """
            pod:
              env:
                - name: A
                  valueFrom: {secretKeyRef: {name: needed, key: a}}
                - name: B
                  valueFrom: {secretKeyRef: {name: maybe, key: b, optional: true}}
              envFrom:
                - configMapRef: {name: settings}
            """);

    Acceptance acceptance = check.check(server, ReferencedData.none());

    assertThat(acceptance.findings())
        .extracting(Finding::message)
        .containsExactly(
            "Secret 'needed' not found in namespace 'tools'; create it or change"
                + " spec.pod.env[0].valueFrom",
            "ConfigMap 'settings' not found in namespace 'tools'; create it or change"
                + " spec.pod.envFrom[0].configMapRef");
  }

  @Test
  void apiKeySecretMustExistAndHoldKeys() {
    McpServer server =
        TestServers.helloWith("security: {auth: {mode: apiKey, apiKey: {secretRef: keys}}}");

    Acceptance missing = check.check(server, ReferencedData.none());
    Acceptance empty =
        check.check(server, TestServers.secrets(TestServers.secret("keys", Map.of())));

    assertThat(missing.reason()).isEqualTo("SecretNotFound");
    assertThat(missing.message()).contains("spec.security.auth.apiKey.secretRef");
    assertThat(empty.reason()).isEqualTo("SecretKeyNotFound");
    assertThat(empty.message())
        .isEqualTo(
            "Secret 'keys' holds no API keys; add one key per caller (caller name: API key) or"
                + " change spec.security.auth.apiKey.secretRef");
  }

  @Test
  void specRulesProblemsBecomeInvalidSpec() {
    McpServer server = TestServers.parse(TestServers.HELLO.replace("{{name}}", "{{nobody}}"));

    Acceptance acceptance = check.checkSpec(server);

    assertThat(acceptance.accepted()).isFalse();
    assertThat(acceptance.reason()).isEqualTo("InvalidSpec");
    assertThat(acceptance.message()).startsWith("spec.server.tools[0]");
  }

  @Test
  void toolSchemaProblemsBecomeInvalidToolSchema() {
    AcceptanceCheck withRules =
        new AcceptanceCheck(
            spec ->
                List.of(
                    new Problem(
                        "spec.server.tools[0].inputSchema",
                        "type must be object; set type: object")));

    Acceptance acceptance = withRules.checkSpec(TestServers.parse(TestServers.HELLO));

    assertThat(acceptance.reason()).isEqualTo("InvalidToolSchema");
    assertThat(acceptance.message())
        .isEqualTo("spec.server.tools[0].inputSchema: type must be object; set type: object");
  }

  @Test
  void aNameThatCannotNameAServiceIsRejected() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    server.getMetadata().setName("x".repeat(64));

    Acceptance acceptance = check.checkSpec(server);

    assertThat(acceptance.reason()).isEqualTo("InvalidSpec");
    assertThat(acceptance.message()).contains("at most 63 lowercase letters");
  }

  @Test
  void duplicatePodEnvironmentNamesAreRejected() {
    McpServer server =
        TestServers.helloWith("pod: {env: [{name: A, value: '1'}, {name: A, value: '2'}]}");

    assertThat(check.checkSpec(server).message())
        .isEqualTo("spec.pod.env has more than one variable named 'A'; keep one");
  }

  @Test
  void anIngressPeerThatSelectsNothingIsRejected() {
    McpServer server = TestServers.helloWith("network: {ingress: {allowFrom: [{}]}}");

    assertThat(check.checkSpec(server).message())
        .isEqualTo(
            "spec.network.ingress.allowFrom[0] selects nothing; give it a namespaceSelector, a"
                + " podSelector or both");
  }

  @Test
  void anUpstreamPackageIsAccepted() {
    McpServer server =
        TestServers.upstream(
            "package: {registryType: npm, identifier: \"@modelcontextprotocol/server-memory\","
                + " version: 2026.8.31}",
            "");

    assertThat(check.checkSpec(server).accepted()).isTrue();
  }

  @Test
  void anUpstreamCommandNeedsADerivedImage() {
    String command = "command: {command: [node, /app/server.js]}";

    Acceptance without = check.checkSpec(TestServers.upstream(command, ""));
    Acceptance with =
        check.checkSpec(
            TestServers.upstream(command, "pod: {image: registry.example.com/team/srv:1}"));

    assertThat(without.reason()).isEqualTo("InvalidSpec");
    assertThat(without.message())
        .startsWith("spec.upstream.command runs 'node', which the runtime image does not contain:")
        .contains("set spec.pod.image");
    assertThat(with.accepted()).isTrue();
  }

  @Test
  void aSidecarCannotServeOnTheRuntimesPort() {
    Acceptance acceptance =
        check.checkSpec(TestServers.upstream("http: {image: example.com/mcp:1, port: 8080}", ""));

    assertThat(acceptance.message())
        .isEqualTo(
            "spec.upstream.http.port 8080 is the runtime's own port in the pod; serve the sidecar"
                + " on another port (default 3000)");
  }

  @Test
  void anUpstreamVariableNamedTwiceIsRefused() {
    Acceptance acceptance =
        check.checkSpec(
            TestServers.upstream(
                """
                http: {image: example.com/mcp:1}
                env: [{name: A, value: "1"}, {name: A, value: "2"}]
                """,
                ""));

    assertThat(acceptance.message())
        .isEqualTo("spec.upstream.env[1] names 'A' a second time; keep one variable of each name");
  }

  @Test
  void manyFindingsAreListedThenCounted() {
    List<Finding> findings =
        java.util.stream.IntStream.range(0, 7)
            .mapToObj(i -> new Finding("InvalidSpec", "problem " + i))
            .toList();

    Acceptance acceptance = Acceptance.of(findings);

    assertThat(acceptance.message())
        .isEqualTo("problem 0; problem 1; problem 2; problem 3; problem 4; and 2 more problems");
  }
}
