package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sessions of the handshake revisions: ids, their end, expiry, the bound and the GET stream. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LegacySessionTest {

  private static final Fixture.Tool ECHO =
      Fixture.tool("echo", "Echoes", null, true, (call, ctx) -> ToolResult.text("echo"));

  @Test
  void initializeNegotiatesTheRevisionAndMintsARandomSessionId() {
    try (TestServer server = TestServer.start(TestServer.tools(ECHO))) {
      String first = server.initialize("2025-06-18", "{}");
      String second = server.initialize("2025-06-18", "{}");

      assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
      assertThat(server.runtime().sessions()).isEqualTo(2);
    }
  }

  @Test
  void unknownRequestedRevisionIsAnsweredWithTheLatestHandshakeRevision() {
    try (TestServer server = TestServer.start(TestServer.tools(ECHO))) {
      HttpResponse<String> response =
          server.post(
              TestServer.request(
                  1,
                  "initialize",
                  TestServer.json(
                      "{'protocolVersion':'2024-11-05','capabilities':{},'clientInfo':{'name':'a','version':'1'}}")));

      assertThat(message(response).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
      assertThat(message(response).at("/result/serverInfo/version").asText()).isEqualTo("1.2.3");
      assertThat(message(response).at("/result/resultType").isMissingNode()).isTrue();
    }
  }

  @Test
  void requestWithoutSessionIs400AndUnknownSessionIs404() {
    try (TestServer server = TestServer.start(TestServer.tools(ECHO))) {
      HttpResponse<String> missing =
          server.post(
              TestServer.request(1, "tools/list", TestServer.json("{}")),
              "MCP-Protocol-Version",
              "2025-11-25");
      HttpResponse<String> unknown = server.legacy("not-a-session", "tools/list", "{}");

      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(message(missing).at("/error/message").asText()).contains("initialize");
      assertThat(unknown.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void deleteEndsTheSessionAndLaterRequestsGet404() {
    try (TestServer server = TestServer.start(TestServer.tools(ECHO))) {
      String session = server.initialize("2025-11-25", "{}");

      HttpResponse<String> before = server.legacy(session, "ping", "{}");
      HttpResponse<String> delete =
          server.send(
              HttpRequest.newBuilder(server.uri())
                  .header("Mcp-Session-Id", session)
                  .DELETE()
                  .build());
      HttpResponse<String> after = server.legacy(session, "ping", "{}");

      assertThat(message(before).path("result").isEmpty()).isTrue();
      assertThat(delete.statusCode()).isEqualTo(200);
      assertThat(after.statusCode()).isEqualTo(404);
      assertThat(server.runtime().sessions()).isZero();
    }
  }

  @Test
  void idleSessionsExpire() {
    try (TestServer server =
        TestServer.start(
            TestServer.tools(ECHO),
            c -> c.sessionIdleTimeout(Duration.ofMillis(200)),
            d -> dev.mcpfleet.runtime.pipeline.Pipeline.bare())) {
      String session = server.initialize("2025-11-25", "{}");

      await().atMost(5, TimeUnit.SECONDS).until(() -> server.runtime().sessions() == 0);

      assertThat(server.legacy(session, "ping", "{}").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void liveSessionsAreBoundedByEndingTheLongestIdle() {
    try (TestServer server =
        TestServer.start(
            TestServer.tools(ECHO),
            c -> c.maxSessions(2),
            d -> dev.mcpfleet.runtime.pipeline.Pipeline.bare())) {
      String oldest = server.initialize("2025-11-25", "{}");
      String recent = server.initialize("2025-11-25", "{}");
      server.legacy(recent, "ping", "{}");

      String newest = server.initialize("2025-11-25", "{}");

      assertThat(server.runtime().sessions()).isEqualTo(2);
      assertThat(server.legacy(oldest, "ping", "{}").statusCode()).isEqualTo(404);
      assertThat(server.legacy(recent, "ping", "{}").statusCode()).isEqualTo(200);
      assertThat(server.legacy(newest, "ping", "{}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void getStreamCarriesListChangedWhenTheDefinitionChanges() throws Exception {
    try (TestServer server = TestServer.start(TestServer.tools(ECHO))) {
      String session = server.initialize("2025-11-25", "{}");
      CompletableFuture<HttpResponse<Stream<String>>> stream =
          server
              .http()
              .sendAsync(
                  HttpRequest.newBuilder(server.uri())
                      .header("Accept", "text/event-stream")
                      .header("Mcp-Session-Id", session)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> open = stream.get(5, TimeUnit.SECONDS);
      assertThat(open.headers().firstValue("content-type")).hasValue("text/event-stream");

      server
          .definitions()
          .replace(
              TestServer.tools(
                  ECHO,
                  Fixture.tool("added", "New", null, true, (c, x) -> ToolResult.text("new"))));

      Iterator<String> lines = open.body().iterator();
      String data = "";
      while (!data.startsWith("data:")) {
        data = lines.next();
      }
      assertThat(data).contains("notifications/tools/list_changed");
      HttpResponse<String> second =
          server.send(
              HttpRequest.newBuilder(server.uri())
                  .header("Accept", "text/event-stream")
                  .header("Mcp-Session-Id", session)
                  .GET()
                  .build());
      assertThat(second.statusCode()).as("one GET stream per session").isEqualTo(409);
    }
  }

  @Test
  void subscribedResourcesAreReportedUpdatedOnTheGetStreamAfterAReload() {
    var readme =
        Fixture.resource(
            "docs://readme",
            "readme",
            null,
            "text/plain",
            ctx ->
                java.util.List.of(
                    dev.mcpfleet.runtime.spi.ResourceContents.text(
                        "docs://readme", "text/plain", "v1")));
    var definition =
        TestServer.definition(
            java.util.List.of(ECHO),
            java.util.List.of(readme),
            java.util.List.of(),
            java.util.List.of());
    try (TestServer server = TestServer.start(definition)) {
      String session = server.initialize("2025-11-25", "{}");
      server.legacy(session, "resources/subscribe", "{'uri':'docs://readme'}");
      server.legacy(session, "resources/subscribe", "{'uri':'docs://gone'}");
      Iterator<String> stream =
          server.lines(
              HttpRequest.newBuilder(server.uri())
                  .header("Accept", "text/event-stream")
                  .header("Mcp-Session-Id", session)
                  .GET()
                  .build());

      server.definitions().replace(definition);

      var updated = TestServer.nextEvent(stream);
      assertThat(updated.path("method").asText()).isEqualTo("notifications/resources/updated");
      assertThat(updated.at("/params/uri").asText()).isEqualTo("docs://readme");
    }
  }

  @Test
  void sessionBelongsToTheCallerThatStartedIt() {
    try (TestServer server =
        TestServer.start(
            TestServer.tools(ECHO), c -> {}, d -> PipelineApplicationTest.callerFromHeader())) {
      String session =
          server
              .post(
                  TestServer.request(
                      0,
                      "initialize",
                      TestServer.json(
                          "{'protocolVersion':'2025-11-25','capabilities':{},'clientInfo':{'name':'a','version':'1'}}")),
                  "X-User",
                  "alice")
              .headers()
              .firstValue("Mcp-Session-Id")
              .orElseThrow();

      HttpResponse<String> alice =
          server.post(
              TestServer.request(1, "ping", TestServer.json("{}")),
              "Mcp-Session-Id",
              session,
              "X-User",
              "alice");
      HttpResponse<String> mallory =
          server.post(
              TestServer.request(1, "ping", TestServer.json("{}")),
              "Mcp-Session-Id",
              session,
              "X-User",
              "mallory");

      assertThat(alice.statusCode()).isEqualTo(200);
      assertThat(mallory.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withSessionsOffLegacyRequestsAreServedAloneAtTheirHeaderRevision() {
    try (TestServer server =
        TestServer.start(
            TestServer.tools(ECHO),
            c -> c.legacySessions(false),
            d -> dev.mcpfleet.runtime.pipeline.Pipeline.bare())) {
      HttpResponse<String> init =
          server.post(
              TestServer.request(
                  0,
                  "initialize",
                  TestServer.json(
                      "{'protocolVersion':'2025-03-26','capabilities':{},'clientInfo':{'name':'a','version':'1'}}")));
      HttpResponse<String> call =
          server.post(
              TestServer.request(1, "tools/call", TestServer.json("{'name':'echo'}")),
              "MCP-Protocol-Version",
              "2025-03-26");
      HttpResponse<String> get =
          server.send(
              HttpRequest.newBuilder(server.uri())
                  .header("Accept", "text/event-stream")
                  .GET()
                  .build());

      assertThat(init.headers().firstValue("Mcp-Session-Id")).isEmpty();
      assertThat(message(call).at("/result/content/0/text").asText()).isEqualTo("echo");
      assertThat(get.statusCode()).isEqualTo(405);
    }
  }
}
