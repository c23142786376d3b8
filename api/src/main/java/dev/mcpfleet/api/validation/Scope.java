package dev.mcpfleet.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.validation.TemplateText.Placeholder;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a template may use: a tool's arguments (from its input schema), a prompt's arguments or
 * a URI template's variables, and what to tell a user who names something else.
 */
final class Scope {

  private final Set<String> names;
  private final JsonNode schema;
  private final String declareHint;

  private Scope(Set<String> names, JsonNode schema, String declareHint) {
    this.names = names;
    this.schema = schema;
    this.declareHint = declareHint;
  }

  /** The properties an input schema declares (also inside allOf/anyOf/oneOf members). */
  static Scope ofSchema(JsonNode inputSchema) {
    Set<String> names = new LinkedHashSet<>();
    collect(inputSchema, names);
    return new Scope(names, inputSchema, "declare it under inputSchema.properties");
  }

  static Scope of(Collection<String> names, String declareHint) {
    return new Scope(new LinkedHashSet<>(names), null, declareHint);
  }

  /** This scope plus one more name (e.g. {@code body} in a response template). */
  Scope with(String extra) {
    Set<String> more = new LinkedHashSet<>(names);
    more.add(extra);
    return new Scope(more, schema, declareHint);
  }

  /** Reports every placeholder of {@code text} this scope does not know. */
  void check(TemplateText text, String path, Problems out) {
    for (Placeholder p : text.placeholders()) {
      String problem = unknown(p);
      if (problem != null) {
        out.add(path, problem);
      }
    }
  }

  /** Parses {@code source} and checks its names; a syntax error is reported too. */
  TemplateText check(String source, String path, Problems out) {
    if (source == null) {
      return null;
    }
    try {
      TemplateText text = TemplateText.parse(source);
      check(text, path, out);
      return text;
    } catch (IllegalArgumentException e) {
      out.add(path, e.getMessage());
      return null;
    }
  }

  private String unknown(Placeholder p) {
    if (!names.contains(p.root())) {
      return "{{"
          + p.name()
          + "}} names nothing declared; "
          + declareHint
          + (names.isEmpty() ? "" : ", or use one of: " + String.join(", ", names));
    }
    // A dotted path is checked as far as the schema closes its objects.
    JsonNode at = schema == null ? null : property(schema, p.root());
    List<String> path = p.path();
    for (int i = 1; at != null && i < path.size(); i++) {
      JsonNode props = at.get("properties");
      if (props == null || !props.isObject()) {
        return null;
      }
      if (!props.has(path.get(i))) {
        JsonNode additional = at.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
          return "{{"
              + p.name()
              + "}}: '"
              + path.get(i)
              + "' is not a property of "
              + String.join(".", path.subList(0, i))
              + "; declare it in the schema or use one of: "
              + String.join(", ", iterable(props));
        }
        return null;
      }
      at = props.get(path.get(i));
    }
    return null;
  }

  private static JsonNode property(JsonNode schema, String name) {
    JsonNode props = schema.get("properties");
    if (props != null && props.has(name)) {
      return props.get(name);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode members = schema.get(combinator);
      if (members != null && members.isArray()) {
        for (JsonNode member : members) {
          JsonNode found = property(member, name);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static void collect(JsonNode schema, Set<String> names) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    JsonNode props = schema.get("properties");
    if (props != null && props.isObject()) {
      names.addAll(iterable(props));
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode members = schema.get(combinator);
      if (members != null && members.isArray()) {
        members.forEach(m -> collect(m, names));
      }
    }
  }

  private static List<String> iterable(JsonNode object) {
    List<String> fields = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(fields::add);
    return fields;
  }
}
