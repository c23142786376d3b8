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
}
