package dev.mcpfleet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CEL rules ({@code x-kubernetes-validations}) of the generated CRD, each with the schema
 * location it applies to, evaluated with the CEL reference implementation as the API server would:
 * {@code self} is the object at that location. Test helper shared by the tests that check the rules
 * themselves and those that check their Java counterparts.
 */
public final class CrdCelRules {

  /**
   * One rule at one place.
   *
   * @param location where it applies: {@code spec.server.tools[].http.headers[]} ({@code []} is
   *     every item of a list)
   * @param expression the CEL expression
   * @param message the message the API server reports when it is false
   */
  public record Rule(String location, String expression, String message) {}

  /** A node of a manifest and its path, e.g. {@code spec.server.tools[2]}. */
  public record Located(String path, JsonNode node) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  // CEL keywords that Kubernetes escapes as __keyword__ when they name a property.
  private static final Set<String> RESERVED =
      Set.of(
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while",
          "in",
          "true",
          "false",
          "null");

  private CrdCelRules() {}

  /** Every rule of the generated CRD, in schema order. */
  public static List<Rule> all() {
    try (InputStream in =
        CrdCelRules.class.getResourceAsStream("/META-INF/fabric8/mcpservers.mcpfleet.dev-v1.yml")) {
      JsonNode crd = YAML.readTree(in);
      List<Rule> rules = new ArrayList<>();
      collect(crd.at("/spec/versions/0/schema/openAPIV3Schema"), "", rules);
      return rules;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the generated CRD", e);
    }
  }

  /** The nodes of {@code manifest} that {@code location} names (none when absent). */
  public static List<Located> nodesAt(JsonNode manifest, String location) {
    List<Located> found = new ArrayList<>();
    find(manifest, "", List.of(location.split("\\.")), 0, found);
    return found;
  }

  /** Evaluates {@code rule} with {@code self} bound to {@code node}. */
  public static boolean holds(Rule rule, JsonNode node) {
    try {
      Object result = program(rule.expression()).eval(Map.of("self", toCel(node)));
      return Boolean.TRUE.equals(result);
    } catch (Exception e) {
      throw new IllegalStateException("cannot evaluate " + rule, e);
    }
  }

  /**
   * The expression compiled once and kept: a CEL program is immutable and may be evaluated again
   * and again, from any thread; compiling is what costs.
   */
  private static CelRuntime.Program program(String expression)
      throws CelValidationException, CelEvaluationException {
    CelRuntime.Program program = PROGRAMS.get(expression);
    if (program == null) {
      program = CEL.createProgram(CEL.compile(expression).getAst());
      PROGRAMS.putIfAbsent(expression, program);
    }
    return program;
  }

  private static void collect(JsonNode schema, String location, List<Rule> rules) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      rules.add(new Rule(location, rule.path("rule").asText(), rule.path("message").asText()));
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            f ->
                collect(
                    f.getValue(),
                    location.isEmpty() ? f.getKey() : location + "." + f.getKey(),
                    rules));
    if (schema.has("items")) {
      collect(schema.get("items"), location + "[]", rules);
    }
  }

  private static void find(
      JsonNode node, String path, List<String> steps, int step, List<Located> found) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (step == steps.size()) {
      found.add(new Located(path, node));
      return;
    }
    String s = steps.get(step);
    boolean each = s.endsWith("[]");
    String field = each ? s.substring(0, s.length() - 2) : s;
    JsonNode child = node.get(field);
    String at = path.isEmpty() ? field : path + "." + field;
    if (!each) {
      find(child, at, steps, step + 1, found);
    } else if (child != null && child.isArray()) {
      for (int i = 0; i < child.size(); i++) {
        find(child.get(i), at + "[" + i + "]", steps, step + 1, found);
      }
    }
  }

  private static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              f ->
                  map.put(
                      RESERVED.contains(f.getKey()) ? "__" + f.getKey() + "__" : f.getKey(),
                      toCel(f.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
