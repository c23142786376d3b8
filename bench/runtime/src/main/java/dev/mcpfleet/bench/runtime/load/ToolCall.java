package dev.mcpfleet.bench.runtime.load;

/**
 * One {@code tools/call} that a benchmark repeats, and how to recognise a right answer.
 *
 * @param tool the tool's name
 * @param argumentsJson the arguments object as compact JSON
 * @param expectedText text that a right answer carries in its content (plain: no characters that
 *     JSON escapes, so that it appears in the answer's bytes as written)
 */
public record ToolCall(String tool, String argumentsJson, String expectedText) {

  public ToolCall {
    if (!expectedText.matches("[A-Za-z0-9 ._:-]+")) {
      throw new IllegalArgumentException(
          "expected text must be plain (letters, digits, space, . _ : -): " + expectedText);
    }
  }

  /** The echo tool that every server in the comparison serves. */
  public static ToolCall echo() {
    String message = "mcp-fleet-bench hello";
    return new ToolCall("echo", "{\"message\":\"" + message + "\"}", message);
  }
}
