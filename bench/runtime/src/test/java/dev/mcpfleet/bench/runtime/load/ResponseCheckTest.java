package dev.mcpfleet.bench.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseCheckTest {

  private static final ToolCall ECHO = ToolCall.echo();
  private static final String RIGHT =
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"content\":[{\"type\":\"text\","
          + "\"text\":\"mcp-fleet-bench hello\"}]}}";

  @Test
  void rightJsonAnswerPasses() {
    assertThat(ResponseCheck.problem(200, RIGHT, 5, ECHO)).isEmpty();
  }

  @Test
  void rightAnswerAsLastSseEventPasses() {
    String sse = "event: message\nid: 1\ndata: " + RIGHT + "\n\n";

    assertThat(ResponseCheck.problem(200, sse, 5, ECHO)).isEmpty();
  }

  @Test
  void otherStatusFails() {
    assertThat(ResponseCheck.problem(400, RIGHT, 5, ECHO)).get().asString().contains("HTTP 400");
  }

  @Test
  void otherIdFails() {
    assertThat(ResponseCheck.problem(200, RIGHT, 6, ECHO)).get().asString().contains("id 5");
  }

  @Test
  void errorFails() {
    String error = "{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32601,\"message\":\"no\"}}";

    assertThat(ResponseCheck.problem(200, error, 5, ECHO)).get().asString().contains("-32601");
  }

  @Test
  void toolErrorFails() {
    String toolError = RIGHT.replace("]}}", "],\"isError\":true}}");

    assertThat(ResponseCheck.problem(200, toolError, 5, ECHO))
        .get()
        .asString()
        .contains("tool error");
  }

  @Test
  void missingTextFails() {
    assertThat(ResponseCheck.problem(200, RIGHT.replace("hello", "bye"), 5, ECHO))
        .get()
        .asString()
        .contains("no text block");
  }

  @Test
  void notJsonRpcFails() {
    assertThat(ResponseCheck.problem(200, "{\"id\":5}", 5, ECHO))
        .get()
        .asString()
        .contains("not a JSON-RPC 2.0 message");
    assertThat(ResponseCheck.problem(200, "<html>", 5, ECHO)).get().asString().contains("not JSON");
  }
}
