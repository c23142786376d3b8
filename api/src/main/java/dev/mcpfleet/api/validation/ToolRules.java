package dev.mcpfleet.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.spec.HttpToolSpec;
import dev.mcpfleet.api.spec.HttpToolSpec.HttpResponseSpec;
import dev.mcpfleet.api.spec.TextToolSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.validation.JsonSchemas.SchemaProblem;
import java.util.List;

/** Checks of one tool: its schemas and its text or http implementation. */
final class ToolRules {

  private ToolRules() {}

  static void check(ToolSpec tool, String path, Egress egress, Problems out) {
    boolean inputUsable = schema(tool.inputSchema(), Problems.at(path, "inputSchema"), out);
    boolean outputUsable = schema(tool.outputSchema(), Problems.at(path, "outputSchema"), out);
    Scope scope = Scope.ofSchema(inputUsable ? tool.inputSchema() : null);
    JsonNode outputSchema = outputUsable ? tool.outputSchema() : null;
    if (tool.text() != null) {
      TextToolRules.check(
          tool.text(), Problems.at(path, "text"), scope, tool.outputSchema(), outputSchema, out);
    }
    if (tool.http() != null) {
      http(tool.http(), Problems.at(path, "http"), scope, tool.outputSchema() != null, egress, out);
    }
  }

  /** Checks an input or output schema; true when it is present and usable. */
  private static boolean schema(JsonNode schema, String path, Problems out) {
    if (schema == null) {
      return false;
    }
    if (!schema.isObject()) {
      out.add(path, "must be a JSON Schema object, e.g. {type: object, properties: {...}}");
      return false;
    }
    JsonNode type = schema.get("type");
    if (type == null || !type.isTextual() || !"object".equals(type.asText())) {
      out.add(
          Problems.at(path, "type"),
          "must be \"object\" (MCP tool arguments and structured results are JSON objects)");
      return false;
    }
    List<SchemaProblem> problems = JsonSchemas.problems(schema);
    for (SchemaProblem p : problems) {
      out.add(p.pointer().isEmpty() ? path : Problems.at(path, p.pointer()), p.message());
    }
    return problems.isEmpty();
  }

  private static void http(
      HttpToolSpec http,
      String path,
      Scope scope,
      boolean hasOutputSchema,
      Egress egress,
      Problems out) {
    HttpRequestRules.check(http, path, scope, egress, out);
    HttpResponseSpec response = http.response();
    if (response == null) {
      return;
    }
    String at = Problems.at(path, "response");
    scope.with("body").check(response.template(), Problems.at(at, "template"), out);
    if (hasOutputSchema && response.format() == HttpResponseSpec.Format.TEXT) {
      out.add(
          Problems.at(at, "format"),
          "is text, but the tool has an outputSchema, whose results need structuredContent; use"
              + " format json or remove outputSchema");
    }
  }

  /** Checks of a text tool. */
  static final class TextToolRules {

    private TextToolRules() {}

    static void check(
        TextToolSpec text,
        String path,
        Scope scope,
        JsonNode declaredOutputSchema,
        JsonNode usableOutputSchema,
        Problems out) {
      List<dev.mcpfleet.api.spec.ContentSpec> content = text.content();
      for (int i = 0; content != null && i < content.size(); i++) {
        ContentChecks.check(
            content.get(i), Problems.at(Problems.at(path, "content"), i), scope, out);
      }
      JsonNode structured = text.structuredContent();
      String at = Problems.at(path, "structuredContent");
      if (structured == null) {
        if (declaredOutputSchema != null) {
          out.add(
              at,
              "is required because the tool has an outputSchema; add the structured result (a"
                  + " JSON object conforming to it)");
        } else if (content == null || content.isEmpty()) {
          out.add(path, "needs content (blocks to return) or structuredContent");
        }
        return;
      }
      if (!structured.isObject()) {
        out.add(at, "must be a JSON object (MCP structuredContent is an object)");
        return;
      }
      boolean templated = templates(structured, at, scope, out);
      if (!templated && usableOutputSchema != null) {
        for (String v :
            JsonSchemas.violations(JsonSchemas.compile(usableOutputSchema), structured)) {
          out.add(at, "does not conform to outputSchema: " + v);
        }
      }
    }

    /** Checks the placeholders in every string of {@code node}; true when there are any. */
    private static boolean templates(JsonNode node, String path, Scope scope, Problems out) {
      if (node.isTextual()) {
        TemplateText t = scope.check(node.asText(), path, out);
        return t == null || t.hasPlaceholders();
      }
      boolean any = false;
      if (node.isObject()) {
        var fields = node.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          any |= templates(f.getValue(), Problems.at(path, f.getKey()), scope, out);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          any |= templates(node.get(i), Problems.at(path, i), scope, out);
        }
      }
      return any;
    }
  }
}
