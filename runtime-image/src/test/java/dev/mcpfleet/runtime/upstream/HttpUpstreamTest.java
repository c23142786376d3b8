package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.TestServer.message;
import static dev.mcpfleet.runtime.TestServer.statelessParams;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A legacy-only Streamable HTTP upstream (the TypeScript SDK v1 server answering every initialize
 * with 2025-03-26), fronted as a sidecar is: 2026-07-28 clients use it, authenticated by API key
 * and authorized per tool by the runtime, and none of their credentials reach it.
 */
class HttpUpstreamTest {

  private static final String ALICE = "alice-key-0123456789";
  private static final String BOB = "bob-key-01234567890";

  private static UpstreamFixture.HttpUpstream upstream;
  private static FrontingServer server;
  private static TestServer client;

  @BeforeAll
  static void start() throws Exception {
    upstream = UpstreamFixture.HttpUpstream.start(UpstreamFixture.node(), 0, "2025-03-26");
    int port = upstream.port();
    Path keys = Files.createTempDirectory("api-keys");
    Files.writeString(keys.resolve("alice"), ALICE);
    Files.writeString(keys.resolve("bob"), BOB);
    String security =
        """
        security:
          auth: {mode: apiKey, apiKey: {secretRef: sidecar-keys}}
          authorization:
            rules:
              - {name: everyone, apiKeys: ["*"], tools: [echo, headers, ask_name, add_tool, extra]}
              - {name: admins, apiKeys: [alice], tools: ["*"]}
        """;
    server =
        FrontingServer.start(
                UpstreamFixture.httpManifest(port, security),
                Map.of("MCP_API_KEYS_DIR", keys.toString()))
            .awaitReady(Duration.ofMinutes(1));
    client = server.raw();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
    upstream.close();
  }

  private static JsonNode call(String key, String tool, String arguments) {
    ObjectNode params =
        statelessParams("{'name':'" + tool + "','arguments':" + arguments + "}", "{}");
    return message(
        client.post(
            TestServer.request(1, "tools/call", params),
            "MCP-Protocol-Version",
            TestServer.V2026,
            "Mcp-Method",
            "tools/call",
            "Mcp-Name",
            tool,
            "Authorization",
            "Bearer " + key));
  }

  @Test
  void theRuntimeSpeaksTheRevisionTheUpstreamFellBackTo() {
    assertThat(server.upstream.status()).contains("(protocol 2025-03-26)");
  }

  @Test
  void callersAreAuthenticatedAndAuthorizedBeforeAnythingReachesTheUpstream() {
    var anonymous = client.stateless("tools/list", "{}");
    JsonNode bobsTools =
        message(
                client.post(
                    TestServer.request(1, "tools/list", statelessParams("{}", "{}")),
                    "MCP-Protocol-Version",
                    TestServer.V2026,
                    "Mcp-Method",
                    "tools/list",
                    "Authorization",
                    "Bearer " + BOB))
            .path("result");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(bobsTools.path("tools").findValuesAsText("name"))
        .contains("echo", "headers")
        .doesNotContain("add", "crash");
    assertThat(call(BOB, "add", "{'a':1,'b':2}").path("error").path("message").asText())
        .startsWith("Access denied: caller 'bob' may not use tool 'add'");
    assertThat(call(ALICE, "add", "{'a':1,'b':2}").path("result").path("structuredContent"))
        .hasToString("{\"sum\":3}");
  }

  @Test
  void noCredentialOfTheClientReachesTheUpstream() throws Exception {
    JsonNode headers = TestServer.JSON.readTree(text(call(BOB, "headers", "{}")));

    assertThat(headers.has("mcp-session-id")).isTrue();
    assertThat(headers.has("authorization")).isFalse();
    assertThat(headers.has("x-api-key")).isFalse();
    assertThat(headers.toString()).doesNotContain(BOB, ALICE);
    // 2025-03-26 predates the header; the runtime does not send what the revision lacks.
    assertThat(headers.has("mcp-protocol-version")).isFalse();
  }

  @Test
  void aQuestionOnTheUpstreamsCallStreamBecomesAnInputRequiredRound() {
    ObjectNode params = statelessParams("{'name':'ask_name','arguments':{}}", "{'elicitation':{}}");
    String[] headers = {
      "MCP-Protocol-Version",
      TestServer.V2026,
      "Mcp-Method",
      "tools/call",
      "Mcp-Name",
      "ask_name",
      "Authorization",
      "Bearer " + BOB
    };
    JsonNode round = message(client.post(TestServer.request(1, "tools/call", params), headers));
    params.set("requestState", round.path("result").path("requestState"));
    params.set(
        "inputResponses",
        TestServer.json("{'upstream-1':{'action':'accept','content':{'name':'Lin'}}}"));
    JsonNode done = message(client.post(TestServer.request(2, "tools/call", params), headers));

    assertThat(round.path("result").path("resultType").asText()).isEqualTo("input_required");
    assertThat(text(done)).isEqualTo("Hello, Lin!");
  }

  @Test
  void aListChangeOnTheUpstreamsGetStreamReachesListeningClients() {
    Iterator<String> stream =
        UpstreamFixture.listenToToolChanges(client, "Authorization", "Bearer " + BOB);

    assertThat(text(call(BOB, "add_tool", "{}"))).isEqualTo("added");

    assertThat(TestServer.nextEvent(stream).path("method").asText())
        .isEqualTo("notifications/tools/list_changed");
    assertThat(text(call(BOB, "extra", "{}"))).isEqualTo("extra!");
  }
}
