package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.protocol.inputs.ItemRunner;
import dev.mcpfleet.runtime.spi.McpPrompt;
import java.util.LinkedHashMap;
import java.util.Map;

/** prompts/list and prompts/get. */
final class PromptMethods {

  private PromptMethods() {}

  static final Method GET =
      new Method() {
        @Override
        public boolean blocking(RequestContext ctx) {
          McpPrompt prompt = find(ctx);
          return prompt != null && !prompt.inline();
        }

        @Override
        public Result call(RequestContext ctx) throws Exception {
          return get(ctx);
        }
      };

  private static McpPrompt find(RequestContext ctx) {
    String name = Json.text(ctx.params(), "name");
    return name == null ? null : ctx.definition().promptsByName().get(name);
  }

  private static Result get(RequestContext ctx) throws Exception {
    String name = Json.text(ctx.params(), "name");
    if (name == null) {
      throw McpError.invalidParams("prompts/get needs params.name, the prompt to expand");
    }
    McpPrompt prompt = ctx.definition().promptsByName().get(name);
    if (prompt == null) {
      throw McpError.invalidParams("Unknown prompt '" + name + "'; prompts/list shows the prompts");
    }
    Access.require(ctx, AccessPolicy.ItemKind.PROMPT, name);
    Map<String, String> arguments = arguments(ctx.params().get("arguments"));
    for (McpPrompt.Argument argument : prompt.descriptor().arguments()) {
      if (argument.required() && !arguments.containsKey(argument.name())) {
        throw McpError.invalidParams(
            "Prompt '" + name + "' needs the argument '" + argument.name() + "'");
      }
    }
    ItemRunner.Outcome<McpPrompt.PromptResult> outcome;
    try {
      outcome = ItemRunner.run(ctx, name, c -> prompt.get(arguments, c));
    } catch (IllegalArgumentException e) {
      throw McpError.invalidParams(e.getMessage());
    }
    if (outcome instanceof ItemRunner.NeedsInput<McpPrompt.PromptResult> needs) {
      return needs.result();
    }
    McpPrompt.PromptResult result = ((ItemRunner.Done<McpPrompt.PromptResult>) outcome).value();
    return g -> ContentWriter.promptResult(g, result, ctx.revision());
  }

  private static Map<String, String> arguments(JsonNode node) {
    Map<String, String> arguments = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return arguments;
    }
    if (!node.isObject()) {
      throw McpError.invalidParams("prompts/get params.arguments must be an object of strings");
    }
    for (var entry : node.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw McpError.invalidParams("Prompt argument '" + entry.getKey() + "' must be a string");
      }
      arguments.put(entry.getKey(), value.asText());
    }
    return arguments;
  }
}
