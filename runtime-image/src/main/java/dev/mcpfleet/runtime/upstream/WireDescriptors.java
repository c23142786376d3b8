package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the upstream's lists say about each item, read into the runtime's descriptors, which every
 * revision the runtime serves is written from. Fields the runtime does not model (a tool's {@code
 * execution.taskSupport}, {@code _meta}) are left out.
 */
final class WireDescriptors {

  private WireDescriptors() {}

  static ToolDescriptor tool(JsonNode tool) {
    ObjectNode annotations = object(tool.get("annotations"));
    String title = Json.text(tool, "title");
    if (title == null && annotations != null) {
      title = Json.text(annotations, "title");
    }
    ObjectNode input = object(tool.get("inputSchema"));
    if (input == null) {
      input = Json.object().put("type", "object");
    }
    return new ToolDescriptor(
        Json.text(tool, "name"),
        title,
        Json.text(tool, "description"),
        input,
        object(tool.get("outputSchema")),
        annotations,
        icons(tool.get("icons")),
        annotations != null && annotations.path("idempotentHint").asBoolean(false));
  }

  static McpResource.ResourceDescriptor resource(JsonNode resource) {
    JsonNode size = resource.get("size");
    return new McpResource.ResourceDescriptor(
        Json.text(resource, "uri"),
        nameOf(resource, "uri"),
        Json.text(resource, "title"),
        Json.text(resource, "description"),
        Json.text(resource, "mimeType"),
        size != null && size.canConvertToLong() ? size.asLong() : null,
        annotations(resource.get("annotations")),
        icons(resource.get("icons")));
  }

  static McpResourceTemplate.TemplateDescriptor template(JsonNode template) {
    return new McpResourceTemplate.TemplateDescriptor(
        Json.text(template, "uriTemplate"),
        nameOf(template, "uriTemplate"),
        Json.text(template, "title"),
        Json.text(template, "description"),
        Json.text(template, "mimeType"),
        annotations(template.get("annotations")),
        icons(template.get("icons")));
  }

  static McpPrompt.PromptDescriptor prompt(JsonNode prompt) {
    List<McpPrompt.Argument> arguments = new ArrayList<>();
    for (JsonNode argument : prompt.path("arguments")) {
      arguments.add(
          new McpPrompt.Argument(
              Json.text(argument, "name"),
              Json.text(argument, "title"),
              Json.text(argument, "description"),
              argument.path("required").asBoolean(false)));
    }
    return new McpPrompt.PromptDescriptor(
        Json.text(prompt, "name"),
        Json.text(prompt, "title"),
        Json.text(prompt, "description"),
        arguments,
        icons(prompt.get("icons")));
  }

  /** Audience and priority hints, or null. */
  static Content.Annotations annotations(JsonNode annotations) {
    if (annotations == null || !annotations.isObject()) {
      return null;
    }
    List<String> audience = null;
    if (annotations.path("audience").isArray()) {
      audience = new ArrayList<>();
      for (JsonNode who : annotations.get("audience")) {
        audience.add(who.asText());
      }
    }
    JsonNode priority = annotations.get("priority");
    Double weight = priority != null && priority.isNumber() ? priority.asDouble() : null;
    return audience == null && weight == null ? null : new Content.Annotations(audience, weight);
  }

  static List<ToolDescriptor.Icon> icons(JsonNode icons) {
    List<ToolDescriptor.Icon> list = new ArrayList<>();
    if (icons == null || !icons.isArray()) {
      return list;
    }
    for (JsonNode icon : icons) {
      String src = Json.text(icon, "src");
      if (src == null) {
        continue;
      }
      List<String> sizes = new ArrayList<>();
      JsonNode given = icon.get("sizes");
      if (given != null && given.isArray()) {
        given.forEach(size -> sizes.add(size.asText()));
      } else if (given != null && given.isTextual()) {
        sizes.add(given.asText());
      }
      list.add(
          new ToolDescriptor.Icon(
              src, Json.text(icon, "mimeType"), sizes, Json.text(icon, "theme")));
    }
    return list;
  }

  /** The item's name; older servers may leave it out, so the URI stands in. */
  private static String nameOf(JsonNode item, String fallbackField) {
    String name = Json.text(item, "name");
    return name != null ? name : Json.text(item, fallbackField);
  }

  private static ObjectNode object(JsonNode node) {
    return node instanceof ObjectNode object ? object : null;
  }
}
