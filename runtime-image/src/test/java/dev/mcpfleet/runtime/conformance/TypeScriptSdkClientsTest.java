package dev.mcpfleet.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript SDK clients on the fixture server (node/fixture-clients.mjs): what flows
 * from server to client, in each era. The v1 SDK answers elicitation and sampling requests sent on
 * the call's stream and receives progress and log messages; the v2 client answers the same
 * questions as 2026-07-28 input_required rounds, which it fulfils on its own.
 */
class TypeScriptSdkClientsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RuntimeServer server;
  private static NodeHarness node;

  @BeforeAll
  static void start() throws InterruptedException {
    node = NodeHarness.sdkClients();
    server = ConformanceServer.start(RuntimeConfig.builder().port(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode run(String line) throws Exception {
    NodeHarness.Result run =
        node.run("node/fixture-clients.mjs", List.of(server.url(), line), Duration.ofMinutes(2));
    assertThat(run.exitCode()).as(run.output()).isZero();
    return JSON.readTree(run.stdout());
  }

  @Test
  void v1ClientAnswersQuestionsOnTheCallsStreamAndHearsProgressAndLogs() throws Exception {
    JsonNode seen = run("v1");

    assertThat(seen.path("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(seen.path("tools").asInt()).isGreaterThan(20);
    assertThat(seen.path("progress").toString()).isEqualTo("[0,50,100]");
    assertThat(seen.path("logs")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(seen.path("elicitation").asText())
        .isEqualTo("User response: action=accept, content={\"response\":\"response-from-client\"}");
    assertThat(seen.path("sampling").asText()).isEqualTo("LLM response: Paris");
    assertThat(seen.path("resource").asText()).contains("\"id\":\"42\"");
  }

  @Test
  void v2ClientFulfilsInputRequiredRoundsOfRevision20260728() throws Exception {
    JsonNode seen = run("v2");

    assertThat(seen.path("protocolVersion").asText()).isEqualTo("2026-07-28");
    assertThat(seen.path("progress").toString()).isEqualTo("[0,50,100]");
    assertThat(seen.path("elicitation").asText()).isEqualTo("Hello, name-from-client!");
    assertThat(seen.path("sampling").asText()).isEqualTo("Sampling said: Paris");
    assertThat(seen.path("roots").asText()).contains("file:///work");
    assertThat(seen.path("multiRound").asText())
        .isEqualTo("name-from-client likes color-from-client");
    assertThat(seen.path("multipleInputs").asText())
        .contains("user_name", "greeting", "client_roots");
    assertThat(seen.path("prompt").asText()).isEqualTo("Use this context: context-from-client");
    assertThat(seen.path("resource").asText()).contains("\"id\":\"42\"");
  }
}
