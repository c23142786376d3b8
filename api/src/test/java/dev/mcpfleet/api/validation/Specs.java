package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServerSpec;
import java.util.List;

/** Builds specs from YAML for validator tests. */
final class Specs {

  private Specs() {}

  /** The spec of a manifest whose {@code spec:} section is {@code specYaml}. */
  static McpServerSpec spec(String specYaml) {
    String manifest =
        "apiVersion: mcpfleet.dev/v1alpha1\nkind: McpServer\nmetadata: {name: t}\nspec:\n"
            + specYaml.indent(2);
    try {
      return ManifestReader.parse("test.yaml", manifest).getSpec();
    } catch (ManifestException e) {
      throw new AssertionError("test manifest does not parse: " + e.getMessage(), e);
    }
  }

  /** SpecValidator's problems for the spec section {@code specYaml}. */
  static List<Problem> problems(String specYaml) {
    return SpecValidator.validate(spec(specYaml));
  }

  /** SpecValidator's problems for a server section (under spec.server) {@code serverYaml}. */
  static List<Problem> serverProblems(String serverYaml) {
    return problems("server:\n" + serverYaml.indent(2));
  }
}
