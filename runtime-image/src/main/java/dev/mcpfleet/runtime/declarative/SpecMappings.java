package dev.mcpfleet.runtime.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.api.spec.ContentSpec.ContentAnnotationsSpec;
import dev.mcpfleet.api.spec.IconSpec;
import dev.mcpfleet.api.spec.ToolAnnotationsSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import java.util.List;
import java.util.Locale;

/** Turns the manifest's descriptive records into the SPI's descriptors. */
final class SpecMappings {

  /** The input schema of a tool that declares none: an object with no properties. */
  static final ObjectNode NO_ARGUMENTS =
      JsonNodeFactory.instance
          .objectNode()
          .put("type", "object")
          .put("additionalProperties", false);

  private SpecMappings() {}

  static ToolDescriptor tool(ToolSpec tool) {
    ToolAnnotationsSpec a = tool.annotations();
    return new ToolDescriptor(
        tool.name(),
        tool.title(),
        tool.description(),
        tool.inputSchema() == null ? NO_ARGUMENTS : (ObjectNode) tool.inputSchema(),
        (ObjectNode) tool.outputSchema(),
        annotations(a),
        icons(tool.icons()),
        a != null && Boolean.TRUE.equals(a.idempotentHint()));
  }

  static List<ToolDescriptor.Icon> icons(List<IconSpec> icons) {
    if (icons == null) {
      return List.of();
    }
    return icons.stream()
        .map(
            i ->
                new ToolDescriptor.Icon(
                    i.src(),
                    i.mimeType(),
                    i.sizes(),
                    i.theme() == null ? null : i.theme().name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  static Content.Annotations annotations(ContentAnnotationsSpec a) {
    if (a == null) {
      return null;
    }
    List<String> audience =
        a.audience() == null
            ? null
            : a.audience().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
    return new Content.Annotations(audience, a.priority());
  }

  /** The schema's property defaults, for arguments a call leaves out. */
  static JsonNode defaults(JsonNode inputSchema) {
    ObjectNode defaults = JsonNodeFactory.instance.objectNode();
    JsonNode properties = inputSchema == null ? null : inputSchema.get("properties");
    if (properties != null && properties.isObject()) {
      properties
          .fields()
          .forEachRemaining(
              p -> {
                if (p.getValue().has("default")) {
                  defaults.set(p.getKey(), p.getValue().get("default"));
                }
              });
    }
    return defaults;
  }

  private static ObjectNode annotations(ToolAnnotationsSpec a) {
    if (a == null) {
      return null;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    putIfSet(node, "title", a.title());
    putIfSet(node, "readOnlyHint", a.readOnlyHint());
    putIfSet(node, "destructiveHint", a.destructiveHint());
    putIfSet(node, "idempotentHint", a.idempotentHint());
    putIfSet(node, "openWorldHint", a.openWorldHint());
    return node;
  }

  private static void putIfSet(ObjectNode node, String name, Object value) {
    if (value instanceof String s) {
      node.put(name, s);
    } else if (value instanceof Boolean b) {
      node.put(name, b);
    }
  }
}
