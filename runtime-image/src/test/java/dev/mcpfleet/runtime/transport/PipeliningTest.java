package dev.mcpfleet.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests pipelined on one connection are answered in the order they were sent. */
class PipeliningTest {

  private static String call(int id, String tool) {
    String body =
        TestServer.request(
            id, "tools/call", TestServer.statelessParams("{'name':'" + tool + "'}", "{}"));
    return "POST /mcp HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
        + "Accept: application/json\nMCP-Protocol-Version: 2026-07-28\nMcp-Method: tools/call\n"
        + "Mcp-Name: "
        + tool
        + "\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\n\n"
        + body;
  }

  @Test
  void aFastAnswerWaitsForTheSlowOneSentBeforeIt() throws Exception {
    try (TestServer server =
            TestServer.start(
                TestServer.tools(
                    Fixture.tool(
                        "slow",
                        "Slow",
                        null,
                        false,
                        (c, x) -> {
                          Thread.sleep(200);
                          return ToolResult.text("slow");
                        }),
                    Fixture.tool("fast", "Fast", null, true, (c, x) -> ToolResult.text("fast"))));
        RawHttp http = new RawHttp(server.runtime().address().getPort())) {
      http.send(call(1, "slow") + call(2, "fast") + call(3, "fast"));

      String first = http.read().body();
      String second = http.read().body();
      String third = http.read().body();

      assertThat(first).contains("\"id\":1").contains("slow");
      assertThat(second).contains("\"id\":2");
      assertThat(third).contains("\"id\":3");
    }
  }
}
