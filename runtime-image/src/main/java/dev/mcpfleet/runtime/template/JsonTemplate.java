package dev.mcpfleet.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpfleet.api.validation.TemplateText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may hold placeholders (a text tool's structuredContent), compiled
 * once. A string that is just one placeholder ({@code "{{count}}"}) takes the value itself, so a
 * number stays a number; other strings are rendered as plain text. Parts without placeholders are
 * shared, not copied.
 */
public final class JsonTemplate {

  private sealed interface Node {
    JsonNode render(Values values);
  }

  private record Fixed(JsonNode value) implements Node {
    public JsonNode render(Values values) {
      return value;
    }
  }

  private record Whole(List<String> path) implements Node {
    public JsonNode render(Values values) {
      JsonNode value = values.get(path);
      return value == null ? NullNode.getInstance() : value;
    }
  }

  private record Text(Template template) implements Node {
    public JsonNode render(Values values) {
      return TextNode.valueOf(template.render(values));
    }
  }

  private record Fields(Map<String, Node> fields) implements Node {
    public JsonNode render(Values values) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      fields.forEach((name, node) -> out.set(name, node.render(values)));
      return out;
    }
  }

  private record Items(List<Node> items) implements Node {
    public JsonNode render(Values values) {
      var out = JsonNodeFactory.instance.arrayNode(items.size());
      items.forEach(node -> out.add(node.render(values)));
      return out;
    }
  }

  private final Node root;

  private JsonTemplate(Node root) {
    this.root = root;
  }

  public static JsonTemplate compile(JsonNode value) {
    return new JsonTemplate(node(value));
  }

  public JsonNode render(Values values) {
    return root.render(values);
  }

  private static Node node(JsonNode value) {
    if (value.isTextual()) {
      TemplateText text = TemplateText.parse(value.asText());
      if (text.whole() != null) {
        return new Whole(text.whole().path());
      }
      return text.hasPlaceholders() ? new Text(Template.plain(value.asText())) : new Fixed(value);
    }
    if (value.isObject()) {
      Map<String, Node> fields = new LinkedHashMap<>();
      value.fields().forEachRemaining(f -> fields.put(f.getKey(), node(f.getValue())));
      return fields.values().stream().allMatch(Fixed.class::isInstance)
          ? new Fixed(value)
          : new Fields(fields);
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      value.forEach(v -> items.add(node(v)));
      return items.stream().allMatch(Fixed.class::isInstance) ? new Fixed(value) : new Items(items);
    }
    return new Fixed(value);
  }
}
