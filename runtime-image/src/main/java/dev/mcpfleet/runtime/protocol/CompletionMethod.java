package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** completion/complete: argument values of prompts and resource templates. */
final class CompletionMethod implements Method {

  /** The most values one answer carries (the spec's limit). */
  static final int MAX_VALUES = 100;

  /** Completions of items that may block (an upstream's) run on a virtual thread. */
  @Override
  public boolean blocking(RequestContext ctx) {
    JsonNode ref = ctx.params().get("ref");
    String type = Json.text(ref, "type");
    if ("ref/prompt".equals(type)) {
      String name = Json.text(ref, "name");
      McpPrompt prompt = name == null ? null : ctx.definition().promptsByName().get(name);
      return prompt != null && !prompt.inline();
    }
    if ("ref/resource".equals(type)) {
      String uri = Json.text(ref, "uri");
      return ctx.definition().resourceTemplates().stream()
          .anyMatch(t -> t.descriptor().uriTemplate().equals(uri) && !t.inline());
    }
    return false;
  }

  @Override
  public Result call(RequestContext ctx) {
    JsonNode ref = ctx.params().get("ref");
    JsonNode argument = ctx.params().get("argument");
    if (ref == null || !ref.isObject() || argument == null || !argument.isObject()) {
      throw McpError.invalidParams("completion/complete needs params.ref and params.argument");
    }
    String name = Json.text(argument, "name");
    String prefix = argument.path("value").asText("");
    if (name == null) {
      throw McpError.invalidParams("completion/complete needs params.argument.name");
    }
    List<String> values = complete(ctx, ref, name, prefix);
    List<String> shown = values.size() > MAX_VALUES ? values.subList(0, MAX_VALUES) : values;
    return g -> {
      g.writeObjectFieldStart("completion");
      g.writeArrayFieldStart("values");
      for (String value : shown) {
        g.writeString(value);
      }
      g.writeEndArray();
      g.writeNumberField("total", values.size());
      g.writeBooleanField("hasMore", values.size() > shown.size());
      g.writeEndObject();
    };
  }

  private static List<String> complete(
      RequestContext ctx, JsonNode ref, String argument, String prefix) {
    String type = Json.text(ref, "type");
    if ("ref/prompt".equals(type)) {
      String name = Json.text(ref, "name");
      McpPrompt prompt = name == null ? null : ctx.definition().promptsByName().get(name);
      if (prompt == null) {
        throw McpError.invalidParams("Unknown prompt '" + name + "' in completion ref");
      }
      Access.require(ctx, AccessPolicy.ItemKind.PROMPT, name);
      return prompt.complete(argument, prefix, context(ctx));
    }
    if ("ref/resource".equals(type)) {
      String uri = Json.text(ref, "uri");
      for (McpResourceTemplate template : ctx.definition().resourceTemplates()) {
        if (template.descriptor().uriTemplate().equals(uri)) {
          return template.complete(argument, prefix);
        }
      }
      throw McpError.invalidParams("Unknown resource template '" + uri + "' in completion ref");
    }
    throw McpError.invalidParams("completion ref.type must be ref/prompt or ref/resource");
  }

  /** Values of the other arguments the client already chose. */
  private static Map<String, String> context(RequestContext ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode arguments = ctx.params().path("context").path("arguments");
    arguments.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
