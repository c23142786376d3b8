package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.TestServer.message;
import static dev.mcpfleet.runtime.TestServer.statelessParams;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.call;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stdio upstream written with the official TypeScript SDK v1, fronted by the runtime: clients of
 * every revision use its tools, resources and prompts, and what the upstream sends during a call
 * (progress, log messages, questions) reaches them in their own revision.
 */
class StdioUpstreamTest {

  private static NodeHarness node;
  private static FrontingServer server;
  private static TestServer client;

  @BeforeAll
  static void start() throws Exception {
    node = UpstreamFixture.node();
    server =
        FrontingServer.start(
                UpstreamFixture.stdioManifest(node, "", "resilience: {timeout: 3s}"),
                UpstreamFixture.env(node, Map.of()))
            .awaitReady(Duration.ofMinutes(1));
    client = server.raw();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aStatelessClientSeesTheUpstreamAsA20260728Server() {
    JsonNode discover = message(client.stateless("server/discover", "{}")).path("result");
    JsonNode tools = message(client.stateless("tools/list", "{}")).path("result");

    assertThat(discover.path("supportedVersions").toString()).contains("2026-07-28");
    assertThat(discover.path("instructions").asText()).isEqualTo("Fixture instructions.");
    assertThat(discover.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText())
        .isEqualTo("fixture-upstream");
    assertThat(tools.path("resultType").asText()).isEqualTo("complete");
    assertThat(tools.path("ttlMs").isNumber()).isTrue();
    assertThat(tools.path("tools").findValuesAsText("name")).contains("echo", "add", "ask_name");
  }

  @Test
  void toolsResourcesTemplatesPromptsAndCompletionsAreForwarded() {
    JsonNode echo = call(client, "echo", "{'message':'hi'}");
    JsonNode add = call(client, "add", "{'a':2,'b':3}");
    JsonNode readme =
        message(client.stateless("resources/read", "{'uri':'fixture://readme'}")).path("result");
    JsonNode item =
        message(client.stateless("resources/read", "{'uri':'fixture://items/42'}")).path("result");
    JsonNode prompt =
        message(client.stateless("prompts/get", "{'name':'greeting','arguments':{'name':'Ada'}}"))
            .path("result");
    JsonNode completion =
        message(
                client.stateless(
                    "completion/complete",
                    "{'ref':{'type':'ref/prompt','name':'greeting'},"
                        + "'argument':{'name':'name','value':'A'}}"))
            .path("result");
    JsonNode templateCompletion =
        message(
                client.stateless(
                    "completion/complete",
                    "{'ref':{'type':'ref/resource','uri':'fixture://items/{id}'},"
                        + "'argument':{'name':'id','value':'4'}}"))
            .path("result");

    assertThat(text(echo)).isEqualTo("echo: hi");
    assertThat(add.path("result").path("structuredContent").path("sum").asInt()).isEqualTo(5);
    assertThat(readme.path("contents").get(0).path("text").asText()).isEqualTo("Read me first.");
    assertThat(item.path("contents").get(0).path("text").asText()).isEqualTo("{\"id\":\"42\"}");
    assertThat(prompt.path("messages").get(0).path("content").path("text").asText())
        .isEqualTo("Say hello to Ada.");
    assertThat(completion.path("completion").path("values").toString())
        .isEqualTo("[\"Ada\",\"Alan\"]");
    assertThat(templateCompletion.path("completion").path("values").toString())
        .isEqualTo("[\"42\"]");
  }

  @Test
  void anUnknownResourceIsNotFoundInTheClientsRevision() {
    JsonNode missing = message(client.stateless("resources/read", "{'uri':'fixture://nope'}"));

    assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(missing.path("error").path("data").path("uri").asText()).isEqualTo("fixture://nope");
  }

  @Test
  void anUpstreamToolErrorStaysAToolErrorTheModelCanRead() {
    JsonNode failed = call(client, "fail", "{}");

    assertThat(failed.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(failed)).isEqualTo("it broke");
  }

  @Test
  void theRuntimesInputValidationAppliesToUpstreamTools() {
    JsonNode wrong = call(client, "add", "{'a':'two','b':3}");

    assertThat(wrong.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(wrong)).startsWith("INVALID_INPUT").contains("'/a'");
  }

  @Test
  void progressAndLogMessagesOfTheUpstreamReachTheCallsStream() {
    ObjectNode params = statelessParams("{'name':'progress','arguments':{}}", "{}");
    ((ObjectNode) params.get("_meta")).put("progressToken", "p1");
    ObjectNode logging = statelessParams("{'name':'log','arguments':{}}", "{}");
    ((ObjectNode) logging.get("_meta")).put("io.modelcontextprotocol/logLevel", "warning");

    List<JsonNode> progress = TestServer.events(client.stateless("tools/call", params));
    List<JsonNode> logs = TestServer.events(client.stateless("tools/call", logging));

    assertThat(progress)
        .filteredOn(e -> "notifications/progress".equals(e.path("method").asText()))
        .extracting(
            e ->
                e.at("/params/progressToken").asText()
                    + " "
                    + e.at("/params/progress").asInt()
                    + "/"
                    + e.at("/params/total").asInt())
        .containsExactly("p1 1/3", "p1 2/3", "p1 3/3");
    assertThat(text(progress.getLast())).isEqualTo("done");
    assertThat(logs)
        .filteredOn(e -> "notifications/message".equals(e.path("method").asText()))
        .extracting(e -> e.at("/params/level").asText())
        .containsExactly("warning", "error");
  }

  @Test
  void anUpstreamQuestionReachesAStatelessClientAsAnInputRequiredRound() {
    String capabilities = "{'elicitation':{}}";
    HttpResponse<String> first =
        client.stateless(
            "tools/call", statelessParams("{'name':'ask_name','arguments':{}}", capabilities));
    JsonNode round = message(first).path("result");

    assertThat(round.path("resultType").asText()).isEqualTo("input_required");
    JsonNode question = round.path("inputRequests").path("upstream-1");
    assertThat(question.path("method").asText()).isEqualTo("elicitation/create");
    assertThat(question.path("params").path("message").asText()).isEqualTo("What is your name?");

    ObjectNode retry = statelessParams("{'name':'ask_name','arguments':{}}", capabilities);
    retry.set("requestState", round.path("requestState"));
    retry.set(
        "inputResponses",
        TestServer.json("{'upstream-1':{'action':'accept','content':{'name':'Ada'}}}"));
    JsonNode done = message(client.stateless("tools/call", retry));

    assertThat(done.path("result").path("resultType").asText()).isEqualTo("complete");
    assertThat(text(done)).isEqualTo("Hello, Ada!");
  }

  @Test
  void aClientWithoutTheCapabilityIsNeverAskedAndTheUpstreamLearnsWhy() {
    JsonNode result = call(client, "sample", "{}");

    assertThat(result.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("sampling");
  }

  @Test
  void aLegacyJavaSdkClientUsesEverythingAndAnswersQuestionsOnItsCallsStream() {
    McpSyncClient legacy =
        server.client(
            Map.of(),
            spec ->
                spec.capabilities(
                        McpSchema.ClientCapabilities.builder()
                            .elicitation()
                            .sampling()
                            .roots(false)
                            .build())
                    .roots(new McpSchema.Root("file:///work", "work"))
                    .elicitation(
                        request ->
                            new McpSchema.ElicitResult(
                                McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Grace")))
                    .sampling(
                        request ->
                            McpSchema.CreateMessageResult.builder()
                                .role(McpSchema.Role.ASSISTANT)
                                .content(new McpSchema.TextContent("Paris"))
                                .model("test-model")
                                .build()));

    assertThat(legacy.listTools().tools()).extracting(McpSchema.Tool::name).contains("echo", "add");
    assertThat(callText(legacy, "echo", Map.of("message", "yo"))).isEqualTo("echo: yo");
    assertThat(callText(legacy, "ask_name", Map.of())).isEqualTo("Hello, Grace!");
    assertThat(callText(legacy, "sample", Map.of())).isEqualTo("model says: Paris");
    assertThat(callText(legacy, "roots", Map.of())).isEqualTo("file:///work");
    var read = legacy.readResource(new McpSchema.ReadResourceRequest("fixture://items/7"));
    assertThat(((McpSchema.TextResourceContents) read.contents().getFirst()).text())
        .isEqualTo("{\"id\":\"7\"}");
    var prompt = legacy.getPrompt(new McpSchema.GetPromptRequest("greeting", Map.of("name", "Bo")));
    assertThat(((McpSchema.TextContent) prompt.messages().getFirst().content()).text())
        .isEqualTo("Say hello to Bo.");
  }

  @Test
  void aTimedOutCallIsCancelledUpstream() {
    JsonNode slow = call(client, "slow", "{}");

    assertThat(text(slow)).startsWith("UPSTREAM_TIMEOUT");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(text(call(client, "cancellations", "{}"))).isEqualTo("1"));
  }

  @Test
  void aListChangeOfTheUpstreamReachesListeningClientsAndTheNewToolIsServed() {
    Iterator<String> stream = UpstreamFixture.listenToToolChanges(client);

    assertThat(text(call(client, "add_tool", "{}"))).isEqualTo("added");

    assertThat(TestServer.nextEvent(stream).path("method").asText())
        .isEqualTo("notifications/tools/list_changed");
    assertThat(text(call(client, "extra", "{}"))).isEqualTo("extra!");
  }

  @Test
  void healthSaysWhatIsServedAndReadinessWaitedForIt() throws Exception {
    JsonNode health = TestServer.JSON.readTree(server.get("/health").body());

    assertThat(server.get("/ready").statusCode()).isEqualTo(200);
    JsonNode upstream =
        health.path("checks").findParents("name").stream()
            .filter(c -> c.path("name").asText().equals("upstream"))
            .findFirst()
            .orElseThrow();
    assertThat(upstream.path("status").asText()).isEqualTo("healthy");
    assertThat(upstream.path("message").asText())
        .startsWith("serving fixture-upstream 3.1.4 (protocol 2025-11-25)");
  }

  @Test
  void officialTypeScriptClientsOfBothErasUseTheUpstreamThroughTheRuntime() throws Exception {
    for (String line : List.of("v1", "v2")) {
      NodeHarness.Result run =
          node.run(
              "node/upstream-clients.mjs",
              List.of(server.base() + "/mcp", line),
              Duration.ofMinutes(1));
      assertThat(run.exitCode()).as(run.output()).isZero();
      JsonNode seen = TestServer.JSON.readTree(run.stdout());

      assertThat(seen.path("protocolVersion").asText())
          .isEqualTo(line.equals("v1") ? "2025-11-25" : "2026-07-28");
      assertThat(seen.path("tools").toString()).contains("\"echo\"", "\"ask_name\"");
      assertThat(seen.path("echo").asText()).isEqualTo("echo: " + line);
      assertThat(seen.path("sum").asInt()).isEqualTo(42);
      assertThat(seen.path("progress").toString()).isEqualTo("[1,2,3]");
      assertThat(seen.path("elicitation").asText()).isEqualTo("Hello, " + line + "-user!");
      assertThat(seen.path("sampling").asText()).isEqualTo("model says: Paris");
      assertThat(seen.path("roots").asText()).isEqualTo("file:///projects");
      assertThat(seen.path("resource").asText()).isEqualTo("{\"id\":\"9\"}");
      assertThat(seen.path("prompt").asText()).isEqualTo("Say hello to " + line + ".");
    }
  }

  private static String callText(McpSyncClient client, String tool, Map<String, Object> args) {
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }
}
