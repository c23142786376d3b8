package dev.mcpfleet.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerSpec;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guide's configuration rule: the manifest file, then {@code MCP_}-prefixed environment
 * variables over it. A variable names a field of the {@code security}, {@code resilience} or {@code
 * observability} section by its path, upper-cased, one {@code _} between levels: {@code
 * MCP_SECURITY_RATELIMIT_REQUESTSPERSECOND=500} sets {@code spec.security.rateLimit
 * .requestsPerSecond}. Lists of plain values take commas ({@code
 * MCP_SECURITY_AUTH_JWT_AUDIENCES=https://a/mcp,https://b/mcp}). A few short names from the guide
 * are aliases ({@link #ALIASES}). Every problem (an unknown name, a section instead of a field, a
 * value of the wrong type) is reported at once with the variable's name.
 */
public final class EnvironmentOverrides {

  /** The sections that environment variables may change. */
  static final List<String> SECTIONS = List.of("security", "resilience", "observability");

  /** Short names, as in the guide's examples, for the settings most often changed per stage. */
  public static final Map<String, String> ALIASES =
      Map.of(
          "MCP_REDIS_URL", "MCP_RESILIENCE_REDIS_URL",
          "MCP_LOG_LEVEL", "MCP_OBSERVABILITY_LOGLEVEL",
          "MCP_LOG_FORMAT", "MCP_OBSERVABILITY_LOGFORMAT",
          "MCP_TIMEOUT", "MCP_RESILIENCE_TIMEOUT",
          "MCP_RATE_LIMIT", "MCP_SECURITY_RATELIMIT_REQUESTSPERSECOND");

  private static final ObjectMapper MAPPER = ManifestReader.mapper();

  private EnvironmentOverrides() {}

  /**
   * {@code manifest} with the overrides of {@code env} applied; the same manifest when none apply.
   *
   * @throws IllegalArgumentException listing every variable that is wrong and what to do
   */
  public static McpServer apply(McpServer manifest, Map<String, String> env) {
    Map<String, String> overrides = overrides(env);
    if (overrides.isEmpty()) {
      return manifest;
    }
    ObjectNode tree = MAPPER.valueToTree(manifest);
    ObjectNode spec = tree.with("spec");
    List<String> problems = new ArrayList<>();
    overrides.forEach((name, value) -> set(spec, name, value, problems));
    if (problems.isEmpty()) {
      try {
        return MAPPER.treeToValue(tree, McpServer.class);
      } catch (JsonMappingException e) {
        problems.add(
            "the environment sets "
                + path(e)
                + " to a value it cannot take: "
                + e.getOriginalMessage());
      } catch (Exception e) {
        problems.add("the environment overrides cannot be applied: " + e.getMessage());
      }
    }
    throw new IllegalArgumentException(
        "invalid MCP_ environment overrides:\n  - " + String.join("\n  - ", problems));
  }

  /** The overriding variables by their full name (aliases expanded), sorted. */
  static Map<String, String> overrides(Map<String, String> env) {
    Map<String, String> found = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          String full = ALIASES.getOrDefault(name, name);
          for (String section : SECTIONS) {
            if (full.startsWith("MCP_" + section.toUpperCase(Locale.ROOT) + "_")
                || full.equals("MCP_" + section.toUpperCase(Locale.ROOT))) {
              found.put(full, value);
            }
          }
        });
    return found;
  }

  private static void set(ObjectNode spec, String name, String value, List<String> problems) {
    String[] segments = name.substring("MCP_".length()).split("_");
    Class<?> type = McpServerSpec.class;
    ObjectNode node = spec;
    StringBuilder path = new StringBuilder("spec");
    for (int i = 0; i < segments.length; i++) {
      RecordComponent component = component(type, segments[i]);
      if (component == null) {
        problems.add(name + " does not name a setting: " + hint(type, name, segments, i));
        return;
      }
      String field = jsonName(component);
      path.append('.').append(field);
      Class<?> fieldType = component.getType();
      boolean last = i == segments.length - 1;
      if (fieldType.isRecord()) {
        if (last) {
          problems.add(
              name
                  + " names the section "
                  + path
                  + "; set one of its fields: "
                  + fields(fieldType, name));
          return;
        }
        type = fieldType;
        node = node.with(field);
        continue;
      }
      if (!last) {
        problems.add(name + " goes below " + path + ", which is a single value");
        return;
      }
      if (List.class.isAssignableFrom(fieldType)) {
        if (!isListOfStrings(component.getGenericType())) {
          problems.add(
              name + " sets " + path + ", a list of objects that only the manifest can set");
          return;
        }
        ArrayNode list = node.putArray(field);
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            list.add(item.strip());
          }
        }
        return;
      }
      put(node, field, fieldType, value, name, path.toString(), problems);
    }
  }

  private static void put(
      ObjectNode node,
      String field,
      Class<?> type,
      String value,
      String name,
      String path,
      List<String> problems) {
    String v = value.strip();
    if (type == Integer.class || type == int.class) {
      try {
        node.put(field, Integer.parseInt(v));
      } catch (NumberFormatException e) {
        problems.add(name + "='" + value + "' must be a whole number (" + path + ")");
      }
    } else if (type == Boolean.class || type == boolean.class) {
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        problems.add(name + "='" + value + "' must be true or false (" + path + ")");
      } else {
        node.put(field, Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
      }
    } else if (type.isEnum()) {
      node.put(field, enumValue(type, v));
    } else {
      node.put(field, v);
    }
  }

  /** Enum values are written as in the manifest ({@code apiKey}), matched without case. */
  private static String enumValue(Class<?> type, String value) {
    for (var constant : type.getEnumConstants()) {
      Enum<?> e = (Enum<?>) constant;
      String wire = wireName(type, e);
      if (wire.equalsIgnoreCase(value) || e.name().equalsIgnoreCase(value)) {
        return wire;
      }
    }
    return value;
  }

  private static String wireName(Class<?> type, Enum<?> constant) {
    try {
      JsonProperty p = type.getField(constant.name()).getAnnotation(JsonProperty.class);
      return p == null ? constant.name() : p.value();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private static RecordComponent component(Class<?> type, String segment) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (jsonName(c).equalsIgnoreCase(segment)) {
        return c;
      }
    }
    return null;
  }

  private static String jsonName(RecordComponent component) {
    JsonProperty p = component.getAccessor().getAnnotation(JsonProperty.class);
    if (p == null) {
      p = component.getAnnotation(JsonProperty.class);
    }
    return p != null && !p.value().isEmpty() ? p.value() : component.getName();
  }

  private static String hint(Class<?> type, String name, String[] segments, int at) {
    if (at == 0) {
      return "use MCP_SECURITY_..., MCP_RESILIENCE_... or MCP_OBSERVABILITY_...";
    }
    String prefix = "MCP_" + String.join("_", List.of(segments).subList(0, at));
    return "the settings under " + prefix + "_ are " + fields(type, prefix);
  }

  private static String fields(Class<?> type, String prefix) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      names.add(prefix + "_" + jsonName(c).toUpperCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }

  private static boolean isListOfStrings(Type generic) {
    return generic instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] == String.class;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      }
    }
    return sb.toString();
  }
}
