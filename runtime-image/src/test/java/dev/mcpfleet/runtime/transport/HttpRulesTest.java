package dev.mcpfleet.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP-level refusals on the MCP endpoint: each answered clearly, none disturbing the next. */
class HttpRulesTest {

  private static final String LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
          + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestServer.tools(
                Fixture.tool("echo", "Echoes", null, true, (c, ctx) -> ToolResult.text("echo"))),
            c ->
                c.maxBodyBytes(2048)
                    .endpoint("/health", r -> HttpEndpoint.Response.text(200, "text/plain", "ok"))
                    .endpoint(
                        "/.well-known/oauth-protected-resource/*",
                        r -> HttpEndpoint.Response.json(200, "{\"path\":\"" + r.path() + "\"}")),
            d -> Pipeline.bare());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int port() {
    return server.runtime().address().getPort();
  }

  private static String post(String host, String extraHeaders, String body) {
    return "POST /mcp HTTP/1.1\nHost: "
        + host
        + "\nContent-Type: application/json\n"
        + "Accept: application/json, text/event-stream\nMCP-Protocol-Version: 2026-07-28\n"
        + "Mcp-Method: tools/list\n"
        + extraHeaders
        + "Content-Length: "
        + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\n\n"
        + body;
  }

  @Test
  void foreignHostIsRefusedWith403AndTheConnectionStaysUsable() throws Exception {
    try (RawHttp http = new RawHttp(port())) {
      RawHttp.Response foreign = http.exchange(post("evil.example", "", LIST));
      RawHttp.Response local = http.exchange(post("localhost:" + port(), "", LIST));

      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.body()).contains("Host 'evil.example' is not allowed");
      assertThat(local.status()).isEqualTo(200);
    }
  }

  @Test
  void foreignOriginIsRefusedAndLocalOriginAccepted() throws Exception {
    try (RawHttp http = new RawHttp(port())) {
      RawHttp.Response foreign =
          http.exchange(post("localhost", "Origin: https://evil.example\n", LIST));
      RawHttp.Response local =
          http.exchange(post("localhost", "Origin: http://localhost:6274\n", LIST));

      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.body()).contains("Origin 'https://evil.example'");
      assertThat(local.status()).isEqualTo(200);
    }
  }

  @Test
  void bodyOverTheLimitIs413ByLength() throws Exception {
    try (RawHttp http = new RawHttp(port())) {
      RawHttp.Response response = http.exchange(post("localhost", "", "x".repeat(4096)));

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("exceeds 2048 bytes");
    }
  }

  @Test
  void chunkedBodyGrowingOverTheLimitIs413() throws Exception {
    try (RawHttp http = new RawHttp(port())) {
      http.send(
          "POST /mcp HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
              + "Transfer-Encoding: chunked\n\n");
      String chunk = "y".repeat(1500);
      for (int i = 0; i < 3; i++) {
        http.sendBytes(("5dc\r\n" + chunk + "\r\n").getBytes());
      }
      http.sendBytes("0\r\n\r\n".getBytes());
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(413);
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void malformedHttpIs400AndTheConnectionCloses() {
    try (RawHttp http = new RawHttp(port())) {
      http.send("POST /mcp HTTP/1.1\nHost: localhost\nContent-Length: nope\n\n");
      RawHttp.Response response = http.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("Malformed HTTP request");
      assertThat(http.closedByServer()).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void wrongContentTypeIs415() {
    HttpResponse<String> response = server.post(LIST, "Content-Type", "text/plain");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("application/json");
  }

  @Test
  void unacceptableAcceptIs406() {
    HttpResponse<String> response = server.post(LIST, "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(406);
  }

  @Test
  void malformedJsonIsParseErrorWith400() {
    HttpResponse<String> response =
        server.post("{\"jsonrpc\":", "MCP-Protocol-Version", "2026-07-28");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.message(response).at("/error/code").asInt()).isEqualTo(-32700);
    assertThat(TestServer.message(response).path("id").isNull()).isTrue();
  }

  @Test
  void emptyBodyAndNonRpcJsonAreClearErrors() {
    HttpResponse<String> empty = server.post("");
    HttpResponse<String> notRpc = server.post("{\"hello\":1}");

    assertThat(TestServer.message(empty).at("/error/message").asText()).contains("empty");
    assertThat(TestServer.message(notRpc).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(notRpc.statusCode()).isEqualTo(400);
  }

  @Test
  void batchesAreRefusedWhereTheRevisionForbidsThem() {
    String session = server.initialize("2025-11-25", "{}");

    HttpResponse<String> response =
        server.post(
            "[" + TestServer.request(1, "ping", TestServer.json("{}")) + "]",
            "Mcp-Session-Id",
            session,
            "MCP-Protocol-Version",
            "2025-11-25");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestServer.message(response).at("/error/message").asText())
        .contains("batches are not allowed in revision 2025-11-25");
  }

  @Test
  void batchesOf20250326AreAnsweredTogether() throws Exception {
    String session = server.initialize("2025-03-26", "{}");
    String batch =
        "["
            + TestServer.request(1, "ping", TestServer.json("{}"))
            + ","
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
            + TestServer.request(2, "tools/call", TestServer.json("{'name':'echo'}"))
            + ","
            + TestServer.request(3, "no/such", TestServer.json("{}"))
            + "]";

    HttpResponse<String> response = server.post(batch, "Mcp-Session-Id", session);

    var answers = TestServer.JSON.readTree(response.body());
    assertThat(answers).hasSize(3);
    assertThat(answers.get(0).path("id").asInt()).isEqualTo(1);
    assertThat(answers.get(1).at("/result/content/0/text").asText()).isEqualTo("echo");
    assertThat(answers.get(2).at("/error/code").asInt()).isEqualTo(-32601);
  }

  @Test
  void otherPathsAre404AndOtherMethods405() {
    HttpResponse<String> path =
        server.send(HttpRequest.newBuilder(server.uri().resolve("/elsewhere")).GET().build());
    HttpResponse<String> put =
        server.send(
            HttpRequest.newBuilder(server.uri())
                .PUT(HttpRequest.BodyPublishers.ofString(LIST))
                .build());

    assertThat(path.statusCode()).isEqualTo(404);
    assertThat(path.body()).contains("/mcp");
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("POST, GET, DELETE");
  }

  @Test
  void extraEndpointsAreServedBesideTheMcpEndpoint() {
    HttpResponse<String> health =
        server.send(HttpRequest.newBuilder(server.uri().resolve("/health")).GET().build());
    HttpResponse<String> metadata =
        server.send(
            HttpRequest.newBuilder(
                    server.uri().resolve("/.well-known/oauth-protected-resource/mcp"))
                .GET()
                .build());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
    assertThat(metadata.body()).contains("/.well-known/oauth-protected-resource/mcp");
  }

  @Test
  void originPolicyAdmitsConfiguredOriginsOnAnyPortWhenNoneIsNamed() {
    OriginPolicy policy = new OriginPolicy(Set.of("*"), Set.of("https://app.example"));

    assertThat(policy.refusal("mcp.svc", "https://app.example:8443")).isNull();
    assertThat(policy.refusal("mcp.svc", null)).isNull();
    assertThat(policy.refusal("mcp.svc", "https://other.example")).contains("not allowed");
  }
}
