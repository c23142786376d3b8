package dev.mcpfleet.runtime.pipeline;

import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolResult;

/**
 * One layer around a tool call (validation, cache, circuit breaker, timeout, retry, sanitization,
 * audit...). A layer either answers itself or calls {@code next}. Layers run on the call's virtual
 * thread, or inline on the event loop for an inline tool, unless a layer says it {@link #mayBlock}
 * for that tool: then the whole call runs on a virtual thread.
 */
public interface ToolLayer {

  ToolResult call(ToolInvocation invocation, Chain next) throws Exception;

  /**
   * Whether this layer may block (wait for the network, sleep) when it wraps {@code tool}, e.g. a
   * cache with a shared Redis level. When any layer may, calls of an inline tool run on a virtual
   * thread, never on the event loop. Asked once per tool and definition, not per call.
   */
  default boolean mayBlock(McpTool tool) {
    return false;
  }

  /**
   * Marks an exception that steers a call rather than reporting a failure (the call needs input
   * from the client, or was cancelled). Layers let such exceptions through untouched: circuit
   * breakers do not count them, retries do not repeat the call, caches store nothing, and they
   * never become error results.
   */
  interface ControlFlow {}

  /** True when {@code e} steers the call rather than reporting a failure. */
  static boolean isControlFlow(Throwable e) {
    return e instanceof ControlFlow
        || e instanceof InterruptedException
        || e instanceof java.util.concurrent.CancellationException
        || e instanceof dev.mcpfleet.runtime.spi.CallContext.MissingClientCapabilityException
        || e instanceof dev.mcpfleet.runtime.spi.CallContext.InputRequiredSignal;
  }

  /** The rest of the chain, ending with the tool itself. */
  interface Chain {
    ToolResult proceed(ToolInvocation invocation) throws Exception;
  }

  /**
   * One invocation travelling through the layers.
   *
   * @param tool the tool
   * @param call its name and arguments
   * @param context what the tool may do while it runs, and who calls
   */
  record ToolInvocation(McpTool tool, ToolCall call, CallContext context) {}
}
