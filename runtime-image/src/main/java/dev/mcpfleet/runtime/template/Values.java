package dev.mcpfleet.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;

/**
 * What a template's placeholders read: a tool call's arguments (dotted paths go into objects), a
 * prompt's string arguments or a resource URI's variables.
 */
@FunctionalInterface
public interface Values {

  /** No values at all. */
  Values NONE = path -> null;

  /** The value at {@code path} ({@code [location, city]}), or null when absent. */
  JsonNode get(List<String> path);

  /** The arguments of a tool call. */
  static Values of(JsonNode arguments) {
    return path -> {
      JsonNode at = arguments;
      for (String step : path) {
        at = at == null ? null : at.get(step);
      }
      return at == null || at.isNull() ? null : at;
    };
  }

  /** String values by name (prompt arguments, URI variables); dotted paths find nothing. */
  static Values of(Map<String, String> strings) {
    return path -> {
      String value = path.size() == 1 ? strings.get(path.get(0)) : null;
      return value == null ? null : TextNode.valueOf(value);
    };
  }

  /** These values, then {@code fallback} for what is absent (e.g. schema defaults). */
  default Values orElse(Values fallback) {
    return path -> {
      JsonNode value = get(path);
      return value != null ? value : fallback.get(path);
    };
  }

  /** These values plus one more name, which wins (e.g. {@code body} in a response template). */
  default Values with(String name, JsonNode value) {
    return path -> {
      if (!path.get(0).equals(name)) {
        return get(path);
      }
      JsonNode at = value;
      for (int i = 1; i < path.size() && at != null; i++) {
        at = at.get(path.get(i));
      }
      return at;
    };
  }

  /**
   * The text a value stands for in a template: a string as is, numbers and booleans as written,
   * objects and arrays as JSON, an absent value as nothing.
   */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isContainerNode() ? value.toString() : value.asText();
  }
}
