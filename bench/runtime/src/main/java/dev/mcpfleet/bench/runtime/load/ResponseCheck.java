package dev.mcpfleet.bench.runtime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The full check of one answer to a {@link ToolCall}, for the harness's own clients (the guide's
 * load test, start-up probes): HTTP 200, a JSON-RPC 2.0 response (plain JSON or the last event of
 * an SSE stream) with the request's id, a result and no error, not a tool error, and a text block
 * holding the expected text. The wrk script checks the same things on the raw bytes.
 */
public final class ResponseCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseCheck() {}

  /** Why the answer is wrong, or empty when it is right. */
  public static Optional<String> problem(int status, String body, long id, ToolCall call) {
    if (status != 200) {
      return Optional.of("HTTP " + status + ": " + abbreviate(body));
    }
    JsonNode message;
    try {
      message = JSON.readTree(jsonOf(body));
    } catch (Exception e) {
      return Optional.of("not JSON: " + abbreviate(body));
    }
    if (message == null || !"2.0".equals(message.path("jsonrpc").asText())) {
      return Optional.of("not a JSON-RPC 2.0 message: " + abbreviate(body));
    }
    if (!message.path("id").isIntegralNumber() || message.path("id").asLong() != id) {
      return Optional.of("id " + message.path("id") + " instead of " + id);
    }
    if (message.has("error")) {
      return Optional.of("error " + message.get("error"));
    }
    JsonNode result = message.path("result");
    if (!result.isObject()) {
      return Optional.of("no result: " + abbreviate(body));
    }
    if (result.path("isError").asBoolean(false)) {
      return Optional.of("tool error: " + result);
    }
    for (JsonNode block : result.path("content")) {
      if ("text".equals(block.path("type").asText())
          && block.path("text").asText().contains(call.expectedText())) {
        return Optional.empty();
      }
    }
    return Optional.of("no text block with '" + call.expectedText() + "': " + result);
  }

  /** The JSON of a plain body, or of the last {@code data:} event of an SSE body. */
  private static String jsonOf(String body) {
    if (body.stripLeading().startsWith("{")) {
      return body;
    }
    String json = null;
    for (String line : body.split("\r?\n")) {
      if (line.startsWith("data:") && line.length() > 5) {
        json = line.substring(5).trim();
      }
    }
    return json == null ? body : json;
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
