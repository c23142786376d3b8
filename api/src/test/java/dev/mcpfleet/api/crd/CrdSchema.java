package dev.mcpfleet.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural OpenAPI schema of the generated CRD, applied to a manifest the way the API server
 * validates one: types, int-or-string, enums, required fields, numeric bounds, string lengths and
 * patterns, list sizes, and unknown fields (which a strict apply rejects). CEL rules are {@link
 * dev.mcpfleet.api.CrdCelRules}' job.
 */
final class CrdSchema {

  /**
   * One schema violation.
   *
   * @param kind the constraint: type, enum, required, minimum, maximum, minLength, maxLength,
   *     minItems, maxItems, pattern or unknownField
   */
  record Violation(String path, String kind, String detail) {
    /** The compact form the examples expect: {@code spec.scaling.replicas: maximum}. */
    String brief() {
      return path + ": " + kind;
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final JsonNode root;

  private CrdSchema(JsonNode root) {
    this.root = root;
  }

  static CrdSchema generated() {
    try (InputStream in =
        CrdSchema.class.getResourceAsStream("/META-INF/fabric8/mcpservers.mcpfleet.dev-v1.yml")) {
      return new CrdSchema(YAML.readTree(in).at("/spec/versions/0/schema/openAPIV3Schema"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the generated CRD", e);
    }
  }

  /** Every violation in {@code manifest}'s spec and status. */
  List<Violation> check(JsonNode manifest) {
    List<Violation> out = new ArrayList<>();
    for (String field : List.of("spec", "status")) {
      if (manifest.has(field)) {
        check(root.path("properties").path(field), manifest.get(field), field, out);
      }
    }
    return out;
  }

  /** The constraint kinds the schema uses somewhere. */
  Set<String> constraintKinds() {
    Set<String> kinds = new LinkedHashSet<>();
    collectKinds(root, kinds);
    return kinds;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (value == null || value.isNull()) {
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(new Violation(path, "type", "must be an integer or a string"));
      }
      return;
    }
    String type = schema.path("type").asText(null);
    if (type == null) {
      return; // x-kubernetes-preserve-unknown-fields without a type: any JSON
    }
    if (!hasType(value, type)) {
      out.add(new Violation(path, "type", "must be of type " + type));
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      out.add(new Violation(path, "enum", "unsupported value " + value));
    }
    switch (type) {
      case "string" -> string(schema, value.asText(), path, out);
      case "integer", "number" -> number(schema, value.asDouble(), path, out);
      case "array" -> array(schema, value, path, out);
      case "object" -> object(schema, value, path, out);
      default -> {}
    }
  }

  private void string(JsonNode schema, String text, String path, List<Violation> out) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(new Violation(path, "minLength", "shorter than " + schema.get("minLength")));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(new Violation(path, "maxLength", "longer than " + schema.get("maxLength")));
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      out.add(new Violation(path, "pattern", "does not match " + schema.get("pattern")));
    }
  }

  private void number(JsonNode schema, double n, String path, List<Violation> out) {
    if (schema.has("minimum") && n < schema.get("minimum").asDouble()) {
      out.add(new Violation(path, "minimum", "less than " + schema.get("minimum")));
    }
    if (schema.has("maximum") && n > schema.get("maximum").asDouble()) {
      out.add(new Violation(path, "maximum", "greater than " + schema.get("maximum")));
    }
  }

  private void array(JsonNode schema, JsonNode list, String path, List<Violation> out) {
    if (schema.has("minItems") && list.size() < schema.get("minItems").asInt()) {
      out.add(new Violation(path, "minItems", "fewer than " + schema.get("minItems") + " items"));
    }
    if (schema.has("maxItems") && list.size() > schema.get("maxItems").asInt()) {
      out.add(new Violation(path, "maxItems", "more than " + schema.get("maxItems") + " items"));
    }
    for (int i = 0; i < list.size(); i++) {
      check(schema.path("items"), list.get(i), path + "[" + i + "]", out);
    }
  }

  private void object(JsonNode schema, JsonNode object, String path, List<Violation> out) {
    for (JsonNode required : schema.path("required")) {
      JsonNode field = object.get(required.asText());
      if (field == null || field.isNull()) {
        out.add(new Violation(path + "." + required.asText(), "required", "Required value"));
      }
    }
    JsonNode properties = schema.path("properties");
    boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    object
        .fields()
        .forEachRemaining(
            f -> {
              String at = path + "." + f.getKey();
              if (properties.has(f.getKey())) {
                check(properties.get(f.getKey()), f.getValue(), at, out);
              } else if (schema.has("additionalProperties")) {
                check(schema.get("additionalProperties"), f.getValue(), at, out);
              } else if (!open) {
                out.add(new Violation(at, "unknownField", "unknown field"));
              }
            });
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.asText().equals(value.asText())) {
        return true;
      }
    }
    return false;
  }

  private static void collectKinds(JsonNode schema, Set<String> kinds) {
    for (String kind :
        List.of(
            "type",
            "enum",
            "required",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "pattern")) {
      if (schema.has(kind)) {
        kinds.add(kind);
      }
    }
    if (schema.has("properties")
        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()
        && !schema.has("additionalProperties")) {
      kinds.add("unknownField");
    }
    schema.path("properties").forEach(p -> collectKinds(p, kinds));
    if (schema.has("items")) {
      collectKinds(schema.get("items"), kinds);
    }
    if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
      collectKinds(schema.get("additionalProperties"), kinds);
    }
  }
}
