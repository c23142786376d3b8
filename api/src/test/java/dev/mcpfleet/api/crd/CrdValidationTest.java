package dev.mcpfleet.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.CrdCelRules;
import dev.mcpfleet.api.CrdCelRules.Located;
import dev.mcpfleet.api.CrdCelRules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated CRD's validation, checked without a cluster: every example of crd-examples.yaml
 * against the structural schema ({@link CrdSchema}) and every CEL rule (the CEL reference
 * implementation, with {@code self} bound as the API server binds it). The examples must hold and
 * break every rule, so a rule added without examples fails here.
 */
class CrdValidationTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CrdSchema SCHEMA = CrdSchema.generated();
  private static final List<Rule> RULES = CrdCelRules.all();

  record Example(String name, JsonNode manifest, Set<String> expected) {}

  /** What checking one example found. */
  record Outcome(Example example, Set<String> errors, Set<Rule> held, Set<Rule> broken) {}

  // CEL compilation dominates the run time: every example is checked once, for all tests.
  private static final java.util.Map<String, List<Outcome>> OUTCOMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  static List<Outcome> outcomes(String section) {
    return OUTCOMES.computeIfAbsent(
        section,
        s -> {
          try {
            return examples(s).stream()
                .map(
                    e -> {
                      Set<Rule> held = new HashSet<>();
                      Set<Rule> broken = new HashSet<>();
                      return new Outcome(e, errors(e.manifest(), held, broken), held, broken);
                    })
                .toList();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  static List<Example> examples(String section) throws IOException {
    try (InputStream in = CrdValidationTest.class.getResourceAsStream("/crd-examples.yaml")) {
      List<Example> examples = new ArrayList<>();
      for (JsonNode entry : YAML.readTree(in).path(section)) {
        Set<String> expected = new LinkedHashSet<>();
        entry.path("errors").forEach(e -> expected.add(e.asText()));
        examples.add(
            new Example(entry.path("name").asText(), manifest(entry.get("spec")), expected));
      }
      return examples;
    }
  }

  static JsonNode manifest(JsonNode spec) {
    ObjectNode manifest = YAML.createObjectNode();
    manifest.put("apiVersion", "mcpfleet.dev/v1alpha1").put("kind", "McpServer");
    manifest.putObject("metadata").put("name", "example");
    manifest.set("spec", spec);
    return manifest;
  }

  /** What the API server would reject, in the examples' notation. */
  static Set<String> errors(JsonNode manifest, Set<Rule> held, Set<Rule> broken) {
    Set<String> errors = new LinkedHashSet<>();
    SCHEMA.check(manifest).forEach(v -> errors.add(v.brief()));
    for (Rule rule : RULES) {
      for (Located at : CrdCelRules.nodesAt(manifest, rule.location())) {
        if (CrdCelRules.holds(rule, at.node())) {
          held.add(rule);
        } else {
          broken.add(rule);
          errors.add(at.path() + ": " + rule.message());
        }
      }
    }
    return errors;
  }

  @Test
  void validExamplesPassTheSchemaAndEveryRule() {
    for (Outcome outcome : outcomes("valid")) {
      assertThat(outcome.errors()).as(outcome.example().name()).isEmpty();
    }
  }

  @Test
  void invalidExamplesRaiseExactlyTheirExpectedErrors() {
    for (Outcome outcome : outcomes("invalid")) {
      Example example = outcome.example();
      assertThat(example.expected()).as("%s lists its errors", example.name()).isNotEmpty();
      assertThat(outcome.errors())
          .as(example.name())
          .containsExactlyInAnyOrderElementsOf(example.expected());
    }
  }

  @Test
  void everyCelRuleIsBothHeldAndBrokenByTheExamples() {
    Set<Rule> held = new HashSet<>();
    Set<Rule> broken = new HashSet<>();
    outcomes("valid").forEach(o -> held.addAll(o.held()));
    outcomes("invalid").forEach(o -> broken.addAll(o.broken()));

    assertThat(RULES).as("rules of the generated CRD").hasSizeGreaterThanOrEqualTo(29);
    assertThat(held)
        .as("rules that a valid example holds")
        .containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(broken)
        .as("rules that an invalid example breaks")
        .containsExactlyInAnyOrderElementsOf(RULES);
  }

  @Test
  void everyKindOfSchemaConstraintIsBrokenByAnExample() {
    Set<String> broken = new HashSet<>();
    for (Outcome outcome : outcomes("invalid")) {
      SCHEMA.check(outcome.example().manifest()).forEach(v -> broken.add(v.kind()));
    }

    assertThat(broken).containsAll(SCHEMA.constraintKinds());
  }

  @Test
  void everySampleManifestPassesTheCrd() throws IOException {
    Path samples = Path.of("..", "samples");
    List<Path> files;
    try (Stream<Path> list = Files.walk(samples)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int servers = 0;
    for (Path file : files) {
      try (var parser = YAML.createParser(file.toFile())) {
        var documents = YAML.readValues(parser, JsonNode.class);
        while (documents.hasNextValue()) {
          JsonNode doc = documents.nextValue();
          if (doc != null && "McpServer".equals(doc.path("kind").asText())) {
            servers++;
            assertThat(errors(doc, new HashSet<>(), new HashSet<>())).as(file.toString()).isEmpty();
          }
        }
      }
    }
    assertThat(servers).as("McpServer samples under samples/").isPositive();
  }
}
