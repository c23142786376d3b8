package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.spec.CompletionSpec;
import dev.mcpfleet.api.spec.PromptSpec;
import dev.mcpfleet.api.spec.PromptSpec.PromptArgumentSpec;
import dev.mcpfleet.api.spec.PromptSpec.PromptMessageSpec;
import dev.mcpfleet.api.spec.ResourceSpec;
import dev.mcpfleet.api.spec.ResourceTemplateSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of resources, resource templates and prompts beyond the CRD schema. */
final class ItemRules {

  private ItemRules() {}

  /** A fixed resource: absolute URI, base64 blob. Its text is served as written (no template). */
  static void resource(ResourceSpec resource, String path, Problems out) {
    if (resource.uri() != null) {
      Literals.absoluteUri(
          new TemplateText(resource.uri(), List.of(new TemplateText.Literal(resource.uri()))),
          Problems.at(path, "uri"),
          out);
    }
    if (resource.blob() != null) {
      Literals.base64(resource.blob(), Problems.at(path, "blob"), out);
    }
  }

  /**
   * A resource template: a well-formed RFC 6570 template whose variables are the only names its
   * text and completions use.
   */
  static void resourceTemplate(ResourceTemplateSpec template, String path, Problems out) {
    if (template.uriTemplate() == null) {
      return;
    }
    Set<String> variables;
    try {
      variables = UriTemplate.parse(template.uriTemplate()).variableNames();
    } catch (IllegalArgumentException e) {
      out.add(Problems.at(path, "uriTemplate"), e.getMessage());
      return;
    }
    Scope scope = Scope.of(variables, "add it to uriTemplate as {variable}");
    scope.check(template.text(), Problems.at(path, "text"), out);
    if (template.blob() != null) {
      Literals.base64(template.blob(), Problems.at(path, "blob"), out);
    }
    List<CompletionSpec> completions = template.completions();
    for (int i = 0; completions != null && i < completions.size(); i++) {
      String argument = completions.get(i).argument();
      if (argument != null && !variables.contains(argument)) {
        out.add(
            Problems.at(Problems.at(Problems.at(path, "completions"), i), "argument"),
            "'"
                + argument
                + "' is not a variable of "
                + template.uriTemplate()
                + "; use one of: "
                + String.join(", ", variables));
      }
    }
  }

  /** A prompt: unique argument names, and messages that use only those. */
  static void prompt(PromptSpec prompt, String path, Problems out) {
    List<PromptArgumentSpec> arguments =
        prompt.arguments() == null ? List.of() : prompt.arguments();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      String name = arguments.get(i).name();
      if (name != null && !names.add(name)) {
        out.add(
            Problems.at(Problems.at(Problems.at(path, "arguments"), i), "name"),
            "'" + name + "' is declared twice; argument names must be unique within a prompt");
      }
    }
    Scope scope =
        Scope.of(
            arguments.stream().map(PromptArgumentSpec::name).filter(n -> n != null).toList(),
            "declare it under arguments");
    List<PromptMessageSpec> messages = prompt.messages();
    for (int i = 0; messages != null && i < messages.size(); i++) {
      ContentChecks.check(
          messages.get(i).content(),
          Problems.at(Problems.at(Problems.at(path, "messages"), i), "content"),
          scope,
          out);
    }
  }
}
