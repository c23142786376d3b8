package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.protocol.inputs.ItemRunner;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** tools/list and tools/call. */
final class ToolMethods {

  private static final Logger LOG = LoggerFactory.getLogger(ToolMethods.class);

  private ToolMethods() {}

  static final Method CALL =
      new Method() {
        @Override
        public boolean blocking(RequestContext ctx) {
          McpTool tool = tool(ctx);
          return tool != null && ctx.services().toolChains().blocking(ctx.pipeline(), tool);
        }

        @Override
        public Result call(RequestContext ctx) throws Exception {
          return ToolMethods.call(ctx);
        }
      };

  private static McpTool tool(RequestContext ctx) {
    String name = Json.text(ctx.params(), "name");
    return name == null ? null : ctx.definition().toolsByName().get(name);
  }

  private static Result call(RequestContext ctx) throws Exception {
    String name = Json.text(ctx.params(), "name");
    if (name == null) {
      throw McpError.invalidParams("tools/call needs params.name, the tool to call");
    }
    McpTool tool = ctx.definition().toolsByName().get(name);
    if (tool == null) {
      throw McpError.invalidParams("Unknown tool '" + name + "'; tools/list shows the tools");
    }
    Access.require(ctx, AccessPolicy.ItemKind.TOOL, name);
    JsonNode arguments = ctx.params().get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      throw McpError.invalidParams("tools/call params.arguments must be an object");
    }
    ObjectNode args =
        arguments == null || arguments.isNull() ? Json.object() : (ObjectNode) arguments;
    if (ctx.revision().stateless()) {
      ParamHeaders.check(tool.descriptor(), args, ctx.exchange().requestHeaders());
    }
    ToolCall call = new ToolCall(name, args);
    ToolLayer.Chain chain = ctx.services().toolChains().chain(ctx.pipeline());
    ToolResult result;
    try {
      var outcome =
          ItemRunner.run(
              ctx,
              name,
              context -> chain.proceed(new ToolLayer.ToolInvocation(tool, call, context)));
      if (outcome instanceof ItemRunner.NeedsInput<ToolResult> needs) {
        return needs.result();
      }
      result = ((ItemRunner.Done<ToolResult>) outcome).value();
      if (result == null) {
        throw new IllegalStateException("the tool returned no result");
      }
    } catch (McpError e) {
      throw e;
    } catch (CallContext.MissingClientCapabilityException e) {
      if (ctx.revision().stateless()) {
        throw e;
      }
      result = ToolResult.error("This tool needs the client capability '" + e.capability() + "'");
    } catch (InterruptedException e) {
      result = ToolResult.error("The call was cancelled");
    } catch (Exception e) {
      LOG.debug("tool {} failed", name, e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      result = ToolResult.error("Tool '" + name + "' failed: " + message);
    }
    if (result.isError()) {
      ctx.outcome("tool_error");
    }
    return new ToolCallResult(result, ctx.revision());
  }
}
