package dev.mcpfleet.runtime.spi;

/**
 * One tool. {@link #call} is plain blocking code: the runtime runs it on a virtual thread (never on
 * an event loop) unless {@link #inline()} says it answers without blocking.
 */
public interface McpTool {

  /** What clients see in tools/list. */
  ToolDescriptor descriptor();

  /**
   * Runs the tool. The arguments have already been validated against the input schema. Failures the
   * model should see are results with {@code isError} ({@link ToolResult#error}); exceptions are
   * reported as tool errors too, without their stack trace.
   */
  ToolResult call(ToolCall call, CallContext context) throws Exception;

  /** True when {@link #call} never blocks (pure computation), so it may run inline. */
  default boolean inline() {
    return false;
  }

  /**
   * True when every result is made from the server's definition and the call's own arguments alone
   * (a declarative text tool): such a result cannot hold a secret that the caller did not send, so
   * output redaction skips it. Tools that reach outside the call (HTTP APIs, fronted servers, code
   * behind this SPI that may read files or the environment) keep the default, false, and their
   * results are redacted.
   */
  default boolean selfContained() {
    return false;
  }
}
