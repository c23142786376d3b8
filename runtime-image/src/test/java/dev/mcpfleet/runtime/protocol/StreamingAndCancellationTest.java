package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.events;
import static dev.mcpfleet.runtime.TestServer.message;
import static dev.mcpfleet.runtime.TestServer.statelessParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.spi.ToolResult;
import dev.mcpfleet.runtime.transport.RawHttp;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JSON or SSE answers, progress, cancellation in both eras, and questions on the call's stream. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamingAndCancellationTest {

  private static final CountDownLatch cancelled = new CountDownLatch(2);
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestServer.tools(
                Fixture.tool(
                    "steps",
                    "Reports progress",
                    null,
                    false,
                    (call, ctx) -> {
                      ctx.progress(1, 2.0, "one");
                      ctx.progress(1, 2.0, "not increasing: dropped");
                      ctx.progress(2, 2.0, "two");
                      return ToolResult.text("stepped");
                    }),
                Fixture.tool(
                    "forever",
                    "Runs until cancelled",
                    null,
                    false,
                    (call, ctx) -> {
                      ctx.progress(1, null, "started");
                      while (!ctx.cancelled()) {
                        try {
                          Thread.sleep(20);
                        } catch (InterruptedException e) {
                          break;
                        }
                      }
                      cancelled.countDown();
                      return ToolResult.text("stopped");
                    }),
                Fixture.tool(
                    "ask",
                    "Asks the user",
                    null,
                    false,
                    (call, ctx) ->
                        ToolResult.text(
                            "got "
                                + Fixture.answered(
                                    ctx.elicit("q", "Name?", Fixture.json("{'type':'object'}")),
                                    "name")))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void callThatSendsNothingAheadIsPlainJson() {
    HttpResponse<String> response = server.stateless("tools/call", "{'name':'steps'}");

    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(message(response).at("/result/content/0/text").asText()).isEqualTo("stepped");
  }

  @Test
  void progressTokenTurnsTheAnswerIntoAnSseStreamOfIncreasingProgress() {
    ObjectNode params = statelessParams("{'name':'steps'}", "{}");
    ((ObjectNode) params.get("_meta")).put("progressToken", "t1");

    HttpResponse<String> response = server.stateless("tools/call", params);

    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
    var events = events(response);
    assertThat(events).hasSize(3);
    assertThat(events.get(0).at("/params/progress").asInt()).isEqualTo(1);
    assertThat(events.get(1).at("/params/progress").asInt()).isEqualTo(2);
    assertThat(events.get(1).at("/params/progressToken").asText()).isEqualTo("t1");
    assertThat(events.get(2).at("/result/content/0/text").asText()).isEqualTo("stepped");
  }

  @Test
  void clientAcceptingOnlyJsonGetsJsonWithoutNotifications() {
    ObjectNode params = statelessParams("{'name':'steps'}", "{}");
    ((ObjectNode) params.get("_meta")).put("progressToken", "t2");

    HttpResponse<String> response =
        server.post(
            TestServer.request(5, "tools/call", params),
            "Accept",
            "application/json",
            "MCP-Protocol-Version",
            TestServer.V2026,
            "Mcp-Method",
            "tools/call",
            "Mcp-Name",
            "steps");

    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(message(response).at("/result/content/0/text").asText()).isEqualTo("stepped");
  }

  @Test
  void closingTheStreamCancelsAStatelessCall() throws Exception {
    long before = cancelled.getCount();
    ObjectNode params = statelessParams("{'name':'forever'}", "{}");
    ((ObjectNode) params.get("_meta")).put("progressToken", 1);
    String body = TestServer.request(9, "tools/call", params);
    try (RawHttp http = new RawHttp(server.runtime().address().getPort())) {
      http.send(
          "POST /mcp HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
              + "Accept: application/json, text/event-stream\nMCP-Protocol-Version: 2026-07-28\n"
              + "Mcp-Method: tools/call\nMcp-Name: forever\nContent-Length: "
              + body.length()
              + "\n\n"
              + body);
      assertThat(http.readUntil("notifications/progress")).contains("text/event-stream");
    }

    assertThat(awaitCount(before - 1)).as("the tool saw cancelled()").isTrue();
  }

  @Test
  void cancelledNotificationCancelsALegacyCallWhichThenGetsNoResponse() throws Exception {
    long before = cancelled.getCount();
    String session = server.initialize("2025-11-25", "{}");
    Iterator<String> lines =
        server.postStreaming(
            TestServer.request(
                42,
                "tools/call",
                TestServer.json("{'name':'forever','_meta':{'progressToken':7}}")),
            "Mcp-Session-Id",
            session);
    assertThat(TestServer.nextEvent(lines).path("method").asText())
        .isEqualTo("notifications/progress");

    HttpResponse<String> notice =
        server.post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42}}",
            "Mcp-Session-Id",
            session);

    assertThat(notice.statusCode()).isEqualTo(202);
    assertThat(awaitCount(before - 1)).isTrue();
    StringBuilder rest = new StringBuilder();
    lines.forEachRemaining(rest::append);
    assertThat(rest.toString()).doesNotContain("\"result\"");
  }

  @Test
  void legacyElicitationTravelsOnTheCallsStreamAndItsAnswerComesBackByPost() throws Exception {
    String session = server.initialize("2025-11-25", "{'elicitation':{}}");
    Iterator<String> lines =
        server.postStreaming(
            TestServer.request(3, "tools/call", TestServer.json("{'name':'ask'}")),
            "Mcp-Session-Id",
            session);
    JsonNode request = TestServer.nextEvent(lines);
    assertThat(request.path("method").asText()).isEqualTo("elicitation/create");

    HttpResponse<String> answer =
        server.post(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + request.path("id")
                + ",\"result\":{\"action\":\"accept\","
                + "\"content\":{\"name\":\"Ada\"}}}",
            "Mcp-Session-Id",
            session);

    assertThat(answer.statusCode()).isEqualTo(202);
    JsonNode result = TestServer.nextEvent(lines);
    assertThat(result.at("/result/content/0/text").asText()).isEqualTo("got Ada");
  }

  @Test
  void legacyClientWithoutElicitationGetsAToolErrorNotAHang() {
    String session = server.initialize("2025-11-25", "{}");

    HttpResponse<String> response = server.legacy(session, "tools/call", "{'name':'ask'}");

    assertThat(message(response).at("/result/isError").asBoolean()).isTrue();
    assertThat(message(response).at("/result/content/0/text").asText()).contains("elicitation");
  }

  private static boolean awaitCount(long target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (cancelled.getCount() > target && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return cancelled.getCount() <= target;
  }
}
