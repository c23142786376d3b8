package dev.mcpfleet.runtime.declarative.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import dev.mcpfleet.api.spec.HttpToolSpec.HttpResponseSpec;
import dev.mcpfleet.api.spec.HttpToolSpec.HttpResponseSpec.Format;
import dev.mcpfleet.api.validation.JsonSchemas;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.ToolResult;
import dev.mcpfleet.runtime.template.Template;
import dev.mcpfleet.runtime.template.Values;
import java.io.IOException;
import java.util.List;

/**
 * Turns a successful upstream answer into a tool result: the body as text, or as JSON whose part
 * selected by a JSON Pointer becomes structuredContent (checked against the outputSchema) plus its
 * serialized text; an optional template writes the text from {@code {{body}}} and the arguments.
 */
final class ResponseMapping {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final String pointer;
  private final Template template;
  private final Schema outputSchema;

  ResponseMapping(HttpResponseSpec spec, JsonNode outputSchema) {
    Format declared = spec == null ? null : spec.format();
    this.format = declared != null ? declared : outputSchema != null ? Format.JSON : Format.TEXT;
    this.pointer = spec == null || spec.pointer() == null ? "" : spec.pointer();
    this.template =
        spec == null || spec.template() == null ? null : Template.plain(spec.template());
    this.outputSchema = outputSchema == null ? null : JsonSchemas.compile(outputSchema);
  }

  ToolResult map(String body, boolean jsonContentType, Values arguments) {
    JsonNode parsed =
        format == Format.JSON || jsonContentType || !pointer.isEmpty() ? parse(body) : null;
    if (format == Format.JSON && parsed == null) {
      return ToolResult.error("The upstream answer is not JSON: " + Upstream.excerpt(body));
    }
    JsonNode selected = parsed == null ? TextNode.valueOf(body) : parsed.at(pointer);
    if (selected.isMissingNode()) {
      return ToolResult.error(
          "The upstream answer has nothing at " + pointer + ": " + Upstream.excerpt(body));
    }
    String text =
        template != null
            ? template.render(arguments.with("body", selected))
            : format == Format.JSON ? selected.toString() : Values.text(selected);
    if (format == Format.TEXT) {
      return ToolResult.text(text);
    }
    if (!selected.isObject()) {
      if (outputSchema != null) {
        return ToolResult.error(
            "The upstream answer"
                + (pointer.isEmpty() ? "" : " at " + pointer)
                + " is not a JSON object, so it cannot be the structured result: "
                + Upstream.excerpt(selected.toString()));
      }
      return ToolResult.text(text);
    }
    if (outputSchema != null) {
      List<String> violations = JsonSchemas.violations(outputSchema, selected);
      if (!violations.isEmpty()) {
        return ToolResult.error(
            "The upstream answer does not conform to the tool's outputSchema: "
                + String.join("; ", violations));
      }
    }
    return new ToolResult(List.of(new Content.Text(text, null)), selected, false);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }
}
