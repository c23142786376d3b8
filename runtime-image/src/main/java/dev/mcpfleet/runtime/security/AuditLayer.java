package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.concurrent.CancellationException;

/**
 * Writes one audit line per tool call: who called which tool, the outcome (success, tool_error with
 * the guide's code when there is one, input_required when a 2026-07-28 call waits for the client's
 * answers and will run again, cancelled, or error), how long it took and the request id.
 */
public final class AuditLayer implements ToolLayer {

  private final AuditLog audit;

  public AuditLayer(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    long start = System.nanoTime();
    try {
      ToolResult result = next.proceed(invocation);
      write(
          invocation,
          result.isError() ? "tool_error" : "success",
          ClassifiedError.codeOf(result),
          start);
      return result;
    } catch (Exception | Error e) {
      write(
          invocation,
          outcome(e),
          ToolLayer.isControlFlow(e) ? null : ClassifiedError.INTERNAL_ERROR,
          start);
      throw e;
    }
  }

  private static String outcome(Throwable e) {
    return switch (e) {
      case CallContext.InputRequiredSignal s -> "input_required";
      case CancellationException c -> "cancelled";
      case InterruptedException i -> "cancelled";
      default -> "error";
    };
  }

  private void write(ToolInvocation invocation, String outcome, String code, long start) {
    audit.call(
        invocation.context().caller(),
        invocation.context().requestId(),
        invocation.call().name(),
        outcome,
        code,
        System.nanoTime() - start,
        invocation.call().arguments());
  }
}
