package dev.mcpfleet.runtime.observability;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-tool metrics: {@code mcp_tool_calls_total{tool,outcome}}, {@code
 * mcp_tool_errors_total{tool,code}} (the guide's error codes) and {@code
 * mcp_tool_duration_seconds{tool}}. Meters for the definition's tools are created when the layer is
 * built; error counters on a code's first occurrence.
 */
public final class ToolMetricsLayer implements ToolLayer {

  private final class ToolMeters {
    final Counter success;
    final Counter toolError;
    final Counter error;
    final Timer duration;
    final Map<String, Counter> errorsByCode = new ConcurrentHashMap<>();
    final String tool;

    ToolMeters(String tool) {
      this.tool = tool;
      success = calls(tool, "success");
      toolError = calls(tool, "tool_error");
      error = calls(tool, "error");
      duration =
          Timer.builder("mcp_tool_duration")
              .description("Tool call latency")
              .tag("tool", tool)
              .publishPercentileHistogram()
              .register(registry);
    }

    Counter errors(String code) {
      return errorsByCode.computeIfAbsent(
          code,
          c ->
              Counter.builder("mcp_tool_errors")
                  .description("Failed tool calls by the guide's error code")
                  .tag("tool", tool)
                  .tag("code", c)
                  .register(registry));
    }
  }

  private final MeterRegistry registry;
  private final Map<String, ToolMeters> byTool = new HashMap<>();
  private final ToolMeters other;

  public ToolMetricsLayer(MeterRegistry registry, List<String> tools) {
    this.registry = registry;
    for (String tool : tools) {
      byTool.put(tool, new ToolMeters(tool));
    }
    other = new ToolMeters("other");
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    ToolMeters meters = byTool.getOrDefault(invocation.call().name(), other);
    long start = System.nanoTime();
    try {
      ToolResult result = next.proceed(invocation);
      if (result.isError()) {
        meters.toolError.increment();
        String code = ClassifiedError.codeOf(result);
        meters.errors(code == null ? "TOOL_ERROR" : code).increment();
      } else {
        meters.success.increment();
      }
      return result;
    } catch (Exception | Error e) {
      if (ToolLayer.isControlFlow(e)) {
        throw e; // waiting for the client's input or cancelled: not a failure of the tool
      }
      meters.error.increment();
      meters.errors(ClassifiedError.INTERNAL_ERROR).increment();
      throw e;
    } finally {
      meters.duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Counter calls(String tool, String outcome) {
    return Counter.builder("mcp_tool_calls")
        .description("Tool calls by outcome")
        .tag("tool", tool)
        .tag("outcome", outcome)
        .register(registry);
  }
}
