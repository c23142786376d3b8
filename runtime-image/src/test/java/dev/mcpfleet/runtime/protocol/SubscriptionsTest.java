package dev.mcpfleet.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 2026-07-28 subscriptions/listen: acknowledgement, filtering, tagging with the subscription. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubscriptionsTest {

  private static final Fixture.Tool ONE =
      Fixture.tool("one", "One", null, true, (c, x) -> ToolResult.text("1"));
  private static final Fixture.Tool TWO =
      Fixture.tool("two", "Two", null, true, (c, x) -> ToolResult.text("2"));

  private static Iterator<String> listen(TestServer server, String filter) {
    String body =
        TestServer.request(
            77,
            "subscriptions/listen",
            TestServer.statelessParams("{'notifications':" + filter + "}", "{}"));
    return server.postStreaming(
        body, "MCP-Protocol-Version", TestServer.V2026, "Mcp-Method", "subscriptions/listen");
  }

  private static JsonNode next(Iterator<String> lines) {
    return TestServer.nextEvent(lines);
  }

  @Test
  void firstMessageAcknowledgesTheHonouredFilterTaggedWithTheSubscription() throws Exception {
    try (TestServer server = TestServer.start(TestServer.tools(ONE))) {
      JsonNode ack = next(listen(server, "{'toolsListChanged':true,'bogus':true}"));

      assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
      assertThat(ack.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText())
          .isEqualTo("77");
      assertThat(ack.at("/params/notifications/toolsListChanged").asBoolean()).isTrue();
      assertThat(ack.at("/params/notifications").has("bogus")).isFalse();
    }
  }

  @Test
  void changesReachOnlyStreamsThatAskedForThem() throws Exception {
    try (TestServer server = TestServer.start(TestServer.tools(ONE))) {
      Iterator<String> tools = listen(server, "{'toolsListChanged':true}");
      Iterator<String> prompts = listen(server, "{'promptsListChanged':true}");
      next(tools);
      next(prompts);

      server.definitions().replace(TestServer.tools(ONE, TWO));
      server
          .definitions()
          .replace(
              TestServer.definition(
                  java.util.List.of(ONE, TWO),
                  java.util.List.of(),
                  java.util.List.of(),
                  java.util.List.of(
                      Fixture.prompt("p", "P", java.util.List.of(), (a, c) -> null))));

      JsonNode toolChange = next(tools);
      JsonNode promptChange = next(prompts);
      assertThat(toolChange.path("method").asText()).isEqualTo("notifications/tools/list_changed");
      assertThat(toolChange.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText())
          .isEqualTo("77");
      assertThat(promptChange.path("method").asText())
          .as("the prompts stream skipped the tools change")
          .isEqualTo("notifications/prompts/list_changed");
    }
  }
}
