package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.upstream.UpstreamFixture.call;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starting, restarting and stopping a stdio upstream, and what it inherits. */
class UpstreamLifecycleTest {

  private static NodeHarness node;

  @BeforeAll
  static void install() {
    node = UpstreamFixture.node();
  }

  private static List<ProcessHandle> children(String marker) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains(marker))
        .toList();
  }

  @Test
  void theRuntimeIsNotReadyUntilTheUpstreamAnswersInitializeAndStopsItOnShutdown()
      throws Exception {
    String marker = "never-initializes-" + ProcessHandle.current().pid();
    String manifest =
        """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: silent}
        spec:
          upstream:
            command: {command: ["%s", "-e", "setInterval(() => {}, 1000) // %s"]}
        """
            .formatted(node.command(UpstreamFixture.SCRIPT, List.of()).getFirst(), marker);
    FrontingServer server = FrontingServer.start(manifest, UpstreamFixture.env(node, Map.of()));
    try {
      await().until(() -> !children(marker).isEmpty());

      var ready = server.get("/ready");
      JsonNode health = TestServer.JSON.readTree(server.get("/health").body());

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(TestServer.JSON.readTree(ready.body()).path("reason").asText())
          .startsWith("upstream: starting '")
          .contains("not ready until it answers initialize");
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(health.path("status").asText()).isEqualTo("degraded");
    } finally {
      server.close();
    }

    assertThat(children(marker)).isEmpty();
  }

  @Test
  void aCrashedUpstreamFailsItsCallInFlightAsUnavailableAndIsRestarted() throws Exception {
    try (FrontingServer server =
        FrontingServer.start(
                UpstreamFixture.stdioManifest(node, "", ""), UpstreamFixture.env(node, Map.of()))
            .awaitReady(Duration.ofMinutes(1))) {
      TestServer client = server.raw();
      String before = text(call(client, "pid", "{}"));

      JsonNode crashed = call(client, "crash", "{}");

      assertThat(crashed.path("result").path("isError").asBoolean()).isTrue();
      assertThat(text(crashed))
          .startsWith("UPSTREAM_UNAVAILABLE: the upstream MCP server node is unavailable")
          .contains("exited with code 3")
          .contains("retry after");
      assertThat(crashed.at("/result/_meta/dev.mcpfleet~1error/retry_after").asInt()).isPositive();
      // Calls while it restarts would open its circuit breaker: call once /ready says so.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  server.get("/ready").statusCode() == 200
                      && text(call(client, "pid", "{}")).matches("[0-9]+")
                      && !text(call(client, "pid", "{}")).equals(before));
      assertThat(text(call(client, "echo", "{'message':'back'}"))).isEqualTo("echo: back");
    }
  }

  @Test
  void theUpstreamGetsItsDeclaredVariablesAndSecretsOnlyUnderTheirOwnName() throws Exception {
    String env =
        """
        env:
          - {name: GREETING, value: hello}
          - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: fixture-api, key: token}}}
        """;
    try (FrontingServer server =
        FrontingServer.start(
                UpstreamFixture.stdioManifest(node, env, ""),
                UpstreamFixture.env(
                    node, Map.of("MCP_SECRET_FIXTURE_API_TOKEN", "tok-0123456789abcdef")))
            .awaitReady(Duration.ofMinutes(1))) {
      TestServer client = server.raw();

      assertThat(text(call(client, "env", "{'name':'GREETING'}"))).isEqualTo("hello");
      // The value arrived, and the runtime's output sanitization keeps it from the client.
      assertThat(text(call(client, "env", "{'name':'API_TOKEN'}"))).isEqualTo("[REDACTED]");
      assertThat(text(call(client, "env", "{'name':'MCP_SECRET_FIXTURE_API_TOKEN'}")))
          .isEqualTo("(unset)");
    }
  }

  @Test
  void aReloadedManifestRestartsAChangedUpstreamAndStopsOneNoLongerFronted() throws Exception {
    try (FrontingServer server =
        FrontingServer.start(
                UpstreamFixture.stdioManifest(node, "", ""), UpstreamFixture.env(node, Map.of()))
            .awaitReady(Duration.ofMinutes(1))) {
      TestServer client = server.raw();
      long first = Long.parseLong(text(call(client, "pid", "{}")));

      server.reload(
          UpstreamFixture.stdioManifest(node, "env: [{name: GREETING, value: changed}]", ""));
      // The old process may still answer until the restart begins: wait for the new one.
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  server.upstream.ready()
                      && server.definitions.current().tools().size() > 1
                      && Long.parseLong(text(call(client, "pid", "{}"))) != first);
      String greeting = text(call(client, "env", "{'name':'GREETING'}"));
      server.reload(
          """
          apiVersion: mcpfleet.dev/v1alpha1
          kind: McpServer
          metadata: {name: fixture}
          spec:
            server:
              name: declared
              tools:
                - {name: hello, description: Says hi., text: {content: [{type: text, text: hi}]}}
          """);

      assertThat(greeting).isEqualTo("changed");
      assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      await().until(() -> server.get("/ready").statusCode() == 200);
      assertThat(text(call(client, "hello", "{}"))).isEqualTo("hi");
      assertThat(server.definitions.current().tools()).hasSize(1);
    }
  }
}
