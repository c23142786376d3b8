package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.V2026;
import static dev.mcpfleet.runtime.TestServer.json;
import static dev.mcpfleet.runtime.TestServer.message;
import static dev.mcpfleet.runtime.TestServer.request;
import static dev.mcpfleet.runtime.TestServer.statelessParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-request rules of 2026-07-28: _meta, mirrored headers, versions, methods, results. */
class StatelessRevisionTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestServer.tools(
                Fixture.tool(
                    "echo",
                    "Echoes its text",
                    null,
                    true,
                    (call, ctx) -> ToolResult.text(call.arguments().path("text").asText())),
                Fixture.tool(
                    "café",
                    "A name outside ASCII",
                    null,
                    true,
                    (call, ctx) -> ToolResult.text("served")),
                Fixture.tool(
                    "chatty",
                    "Logs once",
                    null,
                    false,
                    (call, ctx) -> {
                      ctx.log("info", "chatty", TextNode.valueOf("hello"));
                      return ToolResult.text("done");
                    })));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> discover(ObjectNode params, String... headers) {
    return server.post(request(1, "server/discover", params), headers);
  }

  @Test
  void requestWithoutMetaIsInvalidParamsWith400() {
    HttpResponse<String> response =
        discover(json("{}"), "MCP-Protocol-Version", V2026, "Mcp-Method", "server/discover");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(message(response).path("id").asInt()).isEqualTo(1);
  }

  @Test
  void metaWithoutClientCapabilitiesIsInvalidParams() {
    ObjectNode params = statelessParams("{}", "{}");
    ((ObjectNode) params.get("_meta")).remove("io.modelcontextprotocol/clientCapabilities");

    HttpResponse<String> response =
        discover(params, "MCP-Protocol-Version", V2026, "Mcp-Method", "server/discover");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("message").asText())
        .contains("clientCapabilities");
  }

  @Test
  void clientInfoIsOptional() {
    ObjectNode params = statelessParams("{}", "{}");
    ((ObjectNode) params.get("_meta")).remove("io.modelcontextprotocol/clientInfo");

    HttpResponse<String> response = server.stateless("server/discover", params);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(message(response).has("result")).isTrue();
  }

  @Test
  void missingVersionHeaderIsHeaderMismatch() {
    HttpResponse<String> response =
        discover(statelessParams("{}", "{}"), "Mcp-Method", "server/discover");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void versionHeaderDifferingFromMetaIsHeaderMismatch() {
    HttpResponse<String> response =
        discover(
            statelessParams("{}", "{}"),
            "MCP-Protocol-Version",
            "2099-01-01",
            "Mcp-Method",
            "server/discover");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void unsupportedVersionListsSupportedAndRequested() {
    ObjectNode params = statelessParams("{}", "{}");
    ((ObjectNode) params.get("_meta")).put("io.modelcontextprotocol/protocolVersion", "2099-01-01");

    HttpResponse<String> response =
        discover(params, "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "server/discover");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = message(response).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32022);
    assertThat(error.path("data").path("supported").get(0).asText()).isEqualTo(V2026);
    assertThat(error.path("data").path("requested").asText()).isEqualTo("2099-01-01");
  }

  @Test
  void methodHeaderMustMirrorTheBody() {
    HttpResponse<String> response =
        server.post(
            request(3, "tools/list", statelessParams("{}", "{}")),
            "MCP-Protocol-Version",
            V2026,
            "Mcp-Method",
            "prompts/list");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void nameHeaderIsRequiredOnToolCalls() {
    HttpResponse<String> response =
        server.post(
            request(3, "tools/call", statelessParams("{'name':'echo'}", "{}")),
            "MCP-Protocol-Version",
            V2026,
            "Mcp-Method",
            "tools/call");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response).path("error").path("message").asText()).contains("Mcp-Name");
  }

  @Test
  void base64EncodedNameHeaderIsDecodedBeforeComparison() {
    String encoded =
        "=?base64?"
            + Base64.getEncoder().encodeToString("café".getBytes(StandardCharsets.UTF_8))
            + "?=";

    HttpResponse<String> response =
        server.post(
            request(3, "tools/call", statelessParams("{'name':'café'}", "{}")),
            "MCP-Protocol-Version",
            V2026,
            "Mcp-Method",
            "tools/call",
            "Mcp-Name",
            encoded);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(message(response).at("/result/content/0/text").asText()).isEqualTo("served");
  }

  @Test
  void unknownMethodIs404MethodNotFound() {
    HttpResponse<String> response = server.stateless("tools/frobnicate", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void handshakeOnlyMethodsAreNotServedStatelessly() {
    for (String removed :
        new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe"}) {
      HttpResponse<String> response = server.stateless(removed, "{}");

      assertThat(response.statusCode()).as(removed).isEqualTo(404);
      assertThat(message(response).path("error").path("code").asInt()).isEqualTo(-32601);
    }
  }

  @Test
  void discoverListsVersionsCapabilitiesAndIdentity() {
    JsonNode result = message(server.stateless("server/discover", "{}")).path("result");

    assertThat(result.path("supportedVersions").get(0).asText()).isEqualTo(V2026);
    assertThat(result.path("capabilities").has("tools")).isTrue();
    assertThat(result.path("instructions").asText()).isEqualTo("Be brief.");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText())
        .isEqualTo("test-server");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("ttlMs").isIntegralNumber()).isTrue();
    assertThat(result.path("cacheScope").asText()).isEqualTo("public");
  }

  @Test
  void everyResultCarriesResultTypeAndListsCarryCachingHints() {
    JsonNode list = message(server.stateless("tools/list", "{}")).path("result");
    JsonNode call =
        message(server.stateless("tools/call", "{'name':'echo','arguments':{'text':'hi'}}"))
            .path("result");

    assertThat(list.path("resultType").asText()).isEqualTo("complete");
    assertThat(list.path("ttlMs").asLong()).isPositive();
    assertThat(call.path("resultType").asText()).isEqualTo("complete");
    assertThat(call.has("ttlMs")).as("tool results are not cacheable").isFalse();
    assertThat(call.at("/content/0/text").asText()).isEqualTo("hi");
  }

  @Test
  void sessionIdIsIgnoredAndNeverMinted() {
    HttpResponse<String> response =
        server.post(
            request(1, "tools/list", statelessParams("{}", "{}")),
            "MCP-Protocol-Version",
            V2026,
            "Mcp-Method",
            "tools/list",
            "Mcp-Session-Id",
            "no-such-session");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  @Test
  void noLogMessagesWithoutLogLevel() {
    HttpResponse<String> quiet = server.stateless("tools/call", "{'name':'chatty'}");
    ObjectNode verbose = statelessParams("{'name':'chatty'}", "{}");
    ((ObjectNode) verbose.get("_meta")).put("io.modelcontextprotocol/logLevel", "debug");
    HttpResponse<String> loud = server.stateless("tools/call", verbose);

    assertThat(quiet.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(quiet.body()).doesNotContain("notifications/message");
    assertThat(loud.headers().firstValue("content-type")).hasValue("text/event-stream");
    assertThat(TestServer.events(loud).get(0).path("method").asText())
        .isEqualTo("notifications/message");
    assertThat(message(loud).at("/result/content/0/text").asText()).isEqualTo("done");
  }

  @Test
  void acceptedNotificationGets202() {
    HttpResponse<String> response =
        server.post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1,"
                + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
            "MCP-Protocol-Version",
            V2026);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void getAndDeleteAre405ForThisRevision() {
    HttpResponse<String> get =
        server.send(
            HttpRequest.newBuilder(server.uri())
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", V2026)
                .GET()
                .build());
    HttpResponse<String> delete =
        server.send(
            HttpRequest.newBuilder(server.uri())
                .header("MCP-Protocol-Version", V2026)
                .DELETE()
                .build());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(delete.statusCode()).isEqualTo(405);
  }
}
