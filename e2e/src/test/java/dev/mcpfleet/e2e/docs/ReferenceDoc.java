package dev.mcpfleet.e2e.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Writes docs/reference.md from the CRD: one section per object of the McpServer schema, each field
 * with its type, description (the records' {@code @JsonPropertyDescription}), bounds and the CEL
 * rules of the object. Objects whose fields carry no descriptions (embedded Kubernetes types such
 * as affinity) are not expanded; the Kubernetes API reference documents them.
 */
final class ReferenceDoc {

  private final StringBuilder out = new StringBuilder();

  private ReferenceDoc() {}

  static String render(JsonNode crd, String crdPath) {
    ReferenceDoc doc = new ReferenceDoc();
    doc.header(crd, crdPath);
    JsonNode version = crd.at("/spec/versions/0");
    JsonNode root = version.at("/schema/openAPIV3Schema/properties");
    doc.object("spec", root.path("spec"));
    doc.object("status", root.path("status"));
    return doc.out.toString();
  }

  private void header(JsonNode crd, String crdPath) {
    JsonNode spec = crd.path("spec");
    JsonNode version = spec.at("/versions/0");
    out.append("# McpServer reference\n\n")
        .append("<!-- Generated from ")
        .append(crdPath)
        .append(" by ReferenceDocTest; do not edit. After a change of the api/ records run:\n")
        .append("     ./mvnw -pl e2e -am test -Dtest=ReferenceDocTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true -->\n\n")
        .append("| | |\n| --- | --- |\n")
        .append("| apiVersion | `")
        .append(spec.path("group").asText())
        .append('/')
        .append(version.path("name").asText())
        .append("` |\n| kind | `")
        .append(spec.at("/names/kind").asText())
        .append("` |\n| scope | ")
        .append(spec.path("scope").asText())
        .append(" |\n| short names | ")
        .append(join(spec.at("/names/shortNames"), n -> "`" + n.asText() + "`"))
        .append(" |\n| printer columns | ")
        .append(join(version.path("additionalPrinterColumns"), c -> c.path("name").asText()))
        .append(" |\n\n")
        .append("Every field is optional unless marked **required**; where a field is absent the")
        .append(" operator and the runtime apply the default its description names (the MCP")
        .append(" best-practices guide's numbers). `kubectl explain mcpserver.spec` shows the same")
        .append(" descriptions.\n");
  }

  private void object(String path, JsonNode schema) {
    out.append("\n## <a id=\"")
        .append(anchor(path))
        .append("\"></a>`")
        .append(path)
        .append("`\n\n");
    if (schema.has("description")) {
      out.append(oneLine(schema.path("description").asText())).append("\n\n");
    }
    List<String> required = texts(schema.path("required"));
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    out.append("| field | type | description |\n| --- | --- | --- |\n");
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              JsonNode fieldSchema = field.getValue();
              String childPath = path + "." + name;
              JsonNode element =
                  fieldSchema.path("type").asText().equals("array")
                      ? fieldSchema.path("items")
                      : fieldSchema;
              String elementPath = element == fieldSchema ? childPath : childPath + "[]";
              boolean expand = documented(element);
              if (expand) {
                nested.add(Map.entry(elementPath, element));
              }
              out.append("| `")
                  .append(name)
                  .append("` | ")
                  .append(type(fieldSchema, expand ? elementPath : null))
                  .append(" | ")
                  .append(describe(fieldSchema, required.contains(name)))
                  .append(" |\n");
            });
    rules(schema);
    nested.forEach(e -> object(e.getKey(), e.getValue()));
  }

  private void rules(JsonNode schema) {
    JsonNode rules = schema.path("x-kubernetes-validations");
    if (rules.isEmpty()) {
      return;
    }
    out.append("\nRules checked by the API server (the message is what it answers):\n\n");
    rules.forEach(r -> out.append("- ").append(oneLine(r.path("message").asText())).append('\n'));
  }

  /** An object worth its own section: it has properties, and some of them are described. */
  private static boolean documented(JsonNode schema) {
    return StreamSupport.stream(schema.path("properties").spliterator(), false)
        .anyMatch(p -> p.has("description"));
  }

  private static String type(JsonNode schema, String linkTo) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      return "integer or string";
    }
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      return "any JSON";
    }
    String type = schema.path("type").asText("any JSON");
    if (type.equals("array")) {
      return "list of " + type(schema.path("items"), linkTo);
    }
    if (type.equals("object") && schema.has("additionalProperties")) {
      return "map of " + type(schema.path("additionalProperties"), null);
    }
    if (type.equals("object") && linkTo != null) {
      return "[object](#" + anchor(linkTo) + ")";
    }
    return type;
  }

  private static String describe(JsonNode schema, boolean required) {
    List<String> parts = new ArrayList<>();
    if (required) {
      parts.add("**Required.**");
    }
    if (schema.has("description")) {
      parts.add(oneLine(schema.path("description").asText()));
    }
    if (schema.has("enum")) {
      parts.add("One of: " + join(schema.path("enum"), v -> "`" + v.asText() + "`") + ".");
    }
    if (schema.has("default")) {
      parts.add("Default: `" + schema.path("default").asText() + "`.");
    }
    List<String> limits = limits(schema);
    if (!limits.isEmpty()) {
      parts.add("Limits: " + String.join(", ", limits) + ".");
    }
    JsonNode items = schema.path("items");
    if (items.isObject() && !items.has("properties")) {
      List<String> each = limits(items);
      if (items.has("enum")) {
        each.add(0, "one of " + join(items.path("enum"), v -> "`" + v.asText() + "`"));
      }
      if (!each.isEmpty()) {
        parts.add("Each item: " + String.join(", ", each) + ".");
      }
    }
    return String.join(" ", parts);
  }

  private static List<String> limits(JsonNode schema) {
    List<String> limits = new ArrayList<>();
    limit(limits, schema, "minimum", "at least ");
    limit(limits, schema, "maximum", "at most ");
    if (schema.path("minLength").asInt() == 1) {
      limits.add("not empty");
    } else {
      limit(limits, schema, "minLength", "at least %s characters");
    }
    limit(limits, schema, "maxLength", "at most %s characters");
    if (schema.path("minItems").asInt() == 1) {
      limits.add("at least one item");
    } else {
      limit(limits, schema, "minItems", "at least %s items");
    }
    limit(limits, schema, "maxItems", "at most %s items");
    if (schema.has("pattern")) {
      limits.add("matches `" + schema.path("pattern").asText().replace("|", "\\|") + "`");
    }
    return limits;
  }

  private static void limit(List<String> limits, JsonNode schema, String key, String text) {
    if (schema.has(key)) {
      String value = schema.path(key).asText().replaceAll("\\.0$", "");
      limits.add(text.contains("%s") ? text.formatted(value) : text + value);
    }
  }

  private static String anchor(String path) {
    return path.replace("[]", "").replace('.', '-').toLowerCase();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String join(JsonNode array, java.util.function.Function<JsonNode, String> f) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(f)
        .collect(Collectors.joining(", "));
  }
}
