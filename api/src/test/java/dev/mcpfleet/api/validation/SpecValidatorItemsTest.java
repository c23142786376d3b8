package dev.mcpfleet.api.validation;

import static dev.mcpfleet.api.validation.Specs.problems;
import static dev.mcpfleet.api.validation.Specs.serverProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.validation.SpecValidator.CodeItems;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resources, resource templates, prompts and the names that security rules refer to. */
class SpecValidatorItemsTest {

  @Test
  void resourcesNeedAbsoluteUrisAndBase64Blobs() {
    var problems =
        serverProblems(
            """
            name: s
            resources:
              - {uri: "handbook", name: a, text: A}
              - {uri: "img://logo", name: b, mimeType: image/png, blob: "%%%"}
              - {uri: "docs://ok", name: c, text: "{{not a template}}"}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.server.resources[0].uri", "spec.server.resources[1].blob");
  }

  @Test
  void resourceTemplatesMustBeWellFormedRfc6570() {
    var problems =
        serverProblems(
            """
            name: s
            resourceTemplates:
              - {uriTemplate: "users://{id/profile", name: a, text: x}
              - {uriTemplate: "users://{!id}", name: b, text: x}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.server.resourceTemplates[0].uriTemplate",
            "spec.server.resourceTemplates[1].uriTemplate");
    assertThat(problems.get(1).message()).contains("reserved");
  }

  @Test
  void templateTextAndCompletionsUseOnlyTheTemplatesVariables() {
    var problems =
        serverProblems(
            """
            name: s
            resourceTemplates:
              - uriTemplate: "users://{id}/posts{?year}"
                name: posts
                text: "Posts of {{id}} in {{year}} by {{author}}"
                completions:
                  - {argument: id, values: [ada, alan]}
                  - {argument: month, values: ["01"]}
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "spec.server.resourceTemplates[0].text",
                "{{author}} names nothing declared; add it to uriTemplate as {variable}, or use"
                    + " one of: id, year"),
            new Problem(
                "spec.server.resourceTemplates[0].completions[1].argument",
                "'month' is not a variable of users://{id}/posts{?year}; use one of: id, year"));
  }

  @Test
  void promptMessagesUseDeclaredArgumentsWhichAreUnique() {
    var problems =
        serverProblems(
            """
            name: s
            prompts:
              - name: review
                arguments: [{name: code}, {name: code}]
                messages:
                  - {role: user, content: {type: text, text: "Review {{code}} in {{language}}"}}
                  - role: user
                    content: {type: resource, resource: {uri: "file:///{{path}}", text: x}}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.server.prompts[0].arguments[1].name",
            "spec.server.prompts[0].messages[0].content.text",
            "spec.server.prompts[0].messages[1].content.resource.uri");
  }

  private static final String SECURED =
      """
      server:
        name: s
        tools:
          - {name: weather_now, description: d, text: {content: [{type: text, text: x}]}}
        prompts:
          - {name: brief, messages: [{role: user, content: {type: text, text: x}}]}
      security:
        authorization:
          rules:
            - tools: [weather_now, "weather_*", wether_now]
              prompts: [brief, brieff]
        rateLimit:
          tools: [{tool: weather_later, requestsPerSecond: 1}]
      """;

  @Test
  void securityRulesMustNameExistingToolsAndPromptsExactlyOrByGlob() {
    var problems = problems(SECURED);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.security.authorization.rules[0].tools[2]",
            "spec.security.authorization.rules[0].prompts[1]",
            "spec.security.rateLimit.tools[0].tool");
    assertThat(problems.get(0).message())
        .startsWith("'wether_now' names no tool of this server (weather_now)");
  }

  @Test
  void toolsAndPromptsFromCodeMayBeNamed() {
    var problems =
        SpecValidator.validate(
            Specs.spec(SECURED),
            new CodeItems(Set.of("wether_now", "weather_later"), Set.of("brieff")));

    assertThat(problems).isEmpty();
  }

  @Test
  void aMissingSpecIsOneProblem() {
    assertThat(SpecValidator.validate(null)).extracting(Problem::path).containsExactly("spec");
  }
}
