package dev.mcpfleet.bench.runtime.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code tools/call} that a benchmark repeats, and how to recognise a right answer.
 *
 * @param tool the tool's name
 * @param argumentsJson the arguments object as compact JSON
 * @param expectedText text that a right answer carries in its content (plain: no characters that
 *     JSON escapes, so that it appears in the answer's bytes as written)
 * @param headers headers of the caller sent with every call, e.g. its credentials
 */
public record ToolCall(
    String tool, String argumentsJson, String expectedText, Map<String, String> headers) {

  public ToolCall {
    if (!expectedText.matches("[A-Za-z0-9 ._:-]+")) {
      throw new IllegalArgumentException(
          "expected text must be plain (letters, digits, space, . _ : -): " + expectedText);
    }
    headers = Map.copyOf(headers);
  }

  /** A call without caller headers. */
  public ToolCall(String tool, String argumentsJson, String expectedText) {
    this(tool, argumentsJson, expectedText, Map.of());
  }

  /** The echo tool that every server in the comparison serves. */
  public static ToolCall echo() {
    String message = "mcp-fleet-bench hello";
    return new ToolCall("echo", "{\"message\":\"" + message + "\"}", message);
  }

  /** This call with one more header. */
  public ToolCall withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ToolCall(tool, argumentsJson, expectedText, more);
  }
}
