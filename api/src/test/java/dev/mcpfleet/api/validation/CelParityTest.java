package dev.mcpfleet.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.CrdCelRules;
import dev.mcpfleet.api.CrdCelRules.Located;
import dev.mcpfleet.api.CrdCelRules.Rule;
import dev.mcpfleet.api.ManifestException.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule of the generated CRD has a SpecValidator counterpart: each invalid example below
 * breaks some rules under the CEL reference implementation, and SpecValidator reports every broken
 * rule at the same place with the same message. Together the examples break every rule at every
 * place it applies, so a new rule without a counterpart (or without an example) fails this test.
 */
class CelParityTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String CONTENT_BREAKING_EVERY_RULE =
      """
      - {type: text}
      - {type: audio, data: aGk=}
      - {type: resource}
      - {type: resource_link, uri: "docs://a"}
      - {type: resource, resource: {uri: "docs://a", text: a, blob: aGk=}}
      """;

  private static final List<String> INVALID_SPECS =
      List.of(
          "server: {name: s}\nupstream: {command: {command: [node]}}",
          "scaling: {replicas: 1}",
          """
          server:
            name: s
            tools:
              - {name: a, description: d}
              - name: a
                description: d
                http:
                  url: https://api.example.com/
                  headers:
                    - {name: X-A}
                    - {name: X-B, valueFrom: {}}
            resources:
              - {uri: "docs://r", name: r}
              - {uri: "docs://r", name: r2, text: x}
            resourceTemplates:
              - {uriTemplate: "docs://{id}", name: t, text: x, blob: aGk=}
            prompts:
              - {name: p, messages: [{role: user, content: {type: text, text: x}}]}
              - {name: p, messages: [{role: user, content: {type: text, text: x}}]}
          """,
          "server:\n  name: s\n  tools:\n    - name: t\n      description: d\n      text:\n"
              + "        content:\n"
              + CONTENT_BREAKING_EVERY_RULE.indent(10),
          "server:\n  name: s\n  prompts:\n"
              + CONTENT_BREAKING_EVERY_RULE
                  .lines()
                  .map(
                      c ->
                          "    - {name: p"
                              + c.hashCode()
                              + ", messages: [{role: user, content: "
                              + c.substring(2)
                              + "}]}\n")
                  .reduce("", String::concat),
          """
          upstream:
            command: {command: [node]}
            http: {image: example/mcp:1}
            env:
              - {name: A}
              - {name: B, valueFrom: {secretKeyRef: {name: s, key: k}, configMapKeyRef: {name: c, key: k}}}
          """,
          "upstream: {env: [{name: A, value: a}]}",
          """
          server: {name: s}
          network: {egress: {allowedHosts: ["https://a.example.com"], ports: [0]}}
          resilience: {redis: {urlFrom: {}}}
          scaling:
            replicas: 2
            autoscaling: {minReplicas: 4, maxReplicas: 3}
            disruptionBudget: {minAvailable: 1, maxUnavailable: 1}
          security: {auth: {mode: jwt}}
          """,
          "server: {name: s}\nsecurity: {auth: {mode: apiKey}}\n"
              + "resilience: {redis: {url: 'redis://r:6379', urlFrom: {secretKeyRef: {name: s, key: k}}}}");

  @Test
  void everyRuleBrokenUnderCelIsReportedBySpecValidatorAtTheSamePlace() throws Exception {
    List<Rule> rules = CrdCelRules.all();
    Set<Rule> broken = new HashSet<>();

    for (String specYaml : INVALID_SPECS) {
      JsonNode manifest = YAML.readTree("spec:\n" + specYaml.indent(2));
      List<Problem> problems = Specs.problems(specYaml);
      boolean anyBroken = false;
      for (Rule rule : rules) {
        for (Located at : CrdCelRules.nodesAt(manifest, rule.location())) {
          if (!CrdCelRules.holds(rule, at.node())) {
            anyBroken = true;
            broken.add(rule);
            assertThat(problems)
                .as(
                    "SpecValidator's problems for %s broken at %s by%n%s",
                    rule, at.path(), specYaml)
                .anySatisfy(
                    p -> {
                      assertThat(p.path()).startsWith(at.path());
                      assertThat(p.message()).contains(rule.message());
                    });
          }
        }
      }
      assertThat(anyBroken).as("the example breaks some CEL rule:%n%s", specYaml).isTrue();
    }

    assertThat(broken)
        .as("CEL rules that no example breaks")
        .containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void aValidSpecPassesEveryRuleAndSpecValidator() throws Exception {
    String valid =
        """
        server:
          name: s
          tools:
            - name: t
              description: d
              http:
                url: https://api.example.com/
                headers: [{name: X-Key, valueFrom: {secretKeyRef: {name: s, key: k}}}]
          resources: [{uri: "docs://r", name: r, text: x}]
        network: {egress: {allowedHosts: ["*.example.com"], ports: [443]}}
        scaling: {autoscaling: {minReplicas: 2, maxReplicas: 3}, disruptionBudget: {maxUnavailable: 1}}
        security: {auth: {mode: none}}
        resilience: {redis: {url: "redis://r:6379"}}
        """;
    JsonNode manifest = YAML.readTree("spec:\n" + valid.indent(2));

    for (Rule rule : CrdCelRules.all()) {
      for (Located at : CrdCelRules.nodesAt(manifest, rule.location())) {
        assertThat(CrdCelRules.holds(rule, at.node())).as("%s at %s", rule, at.path()).isTrue();
      }
    }
    assertThat(Specs.problems(valid)).isEmpty();
  }

  @Test
  void everyRuleInTheRecordsHasACounterpart() {
    assertThat(CrdCelRules.all())
        .allSatisfy(
            rule ->
                assertThat(CelCounterparts.covers(rule.expression())).as(rule.toString()).isTrue());
  }
}
