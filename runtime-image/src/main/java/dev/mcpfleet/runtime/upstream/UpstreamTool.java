package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;

/**
 * A tool of the fronted server. The runtime's layers run around it like around any tool
 * (authorization, validation, rate limits, breaker, timeout, sanitization, audit); the call itself
 * forwards the client's arguments as they are, and never anything of the client's request besides
 * (no header, no token: token passthrough is forbidden).
 */
final class UpstreamTool implements McpTool, UpstreamItem {

  private final ToolDescriptor descriptor;
  private final UpstreamLink link;

  UpstreamTool(ToolDescriptor descriptor, UpstreamLink link) {
    this.descriptor = descriptor;
    this.link = link;
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ToolResult call(ToolCall call, CallContext context) throws Exception {
    ObjectNode params = Json.object().put("name", call.name());
    params.set("arguments", call.arguments());
    if (context.traceparent() != null) {
      params.putObject("_meta").put("traceparent", context.traceparent());
    }
    try {
      return WireResults.toolResult(link.request("tools/call", params, context));
    } catch (UpstreamException e) {
      if (e.refusedRequest()) {
        // The upstream blamed the call (an argument its own checks refuse, a tool it no
        // longer has): the model may correct it, and the upstream itself is fine.
        return ClassifiedError.client(ClassifiedError.INVALID_INPUT, e.getMessage()).toToolResult();
      }
      throw e;
    }
  }
}
