package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.PromptSpec;
import dev.mcpfleet.api.spec.ResourceSpec;
import dev.mcpfleet.api.spec.ResourceTemplateSpec;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that makes an {@link McpServerSpec} unusable, found without a cluster or any I/O: the
 * CRD's schema and CEL rules (so {@code serve} rejects what the API server would), tool schemas
 * against their JSON Schema meta-schema, {@code {{placeholders}}} that name nothing declared, URI
 * templates, base64 data, durations, HTTP tool hosts outside the egress allow-list, and
 * authorization rules naming tools or prompts that do not exist.
 *
 * <p>The operator calls it at reconcile time, the runtime when it loads a definition. Each problem
 * has a path inside the manifest ({@code spec.server.tools[2].inputSchema}) and says what to fix.
 */
public final class SpecValidator {

  /**
   * Tools and prompts that code (the runtime's SPI) adds beside the manifest's, which authorization
   * rules may name.
   */
  public record CodeItems(Set<String> tools, Set<String> prompts) {
    public static final CodeItems NONE = new CodeItems(Set.of(), Set.of());

    public CodeItems {
      tools = Set.copyOf(tools);
      prompts = Set.copyOf(prompts);
    }
  }

  private SpecValidator() {}

  /** The problems of {@code spec}; empty when it is valid. */
  public static List<Problem> validate(McpServerSpec spec) {
    return validate(spec, CodeItems.NONE);
  }

  /** The problems of {@code spec}, knowing the items that code adds; empty when it is valid. */
  public static List<Problem> validate(McpServerSpec spec, CodeItems code) {
    Problems out = new Problems();
    if (spec == null) {
      out.add("spec", "is missing; an McpServer needs a spec with server or upstream");
      return out.list();
    }
    FieldConstraints.check(spec, "spec", out);
    ServerSpec server = spec.server();
    if (server != null) {
      server(server, Egress.of(spec.network()), out);
      AccessRules.check(
          spec.security(),
          names(server.tools(), ToolSpec::name, code.tools()),
          names(server.prompts(), PromptSpec::name, code.prompts()),
          out);
    }
    return out.list();
  }

  private static void server(ServerSpec server, Egress egress, Problems out) {
    String path = "spec.server";
    List<ToolSpec> tools = orEmpty(server.tools());
    for (int i = 0; i < tools.size(); i++) {
      ToolRules.check(tools.get(i), Problems.at(Problems.at(path, "tools"), i), egress, out);
    }
    List<ResourceSpec> resources = orEmpty(server.resources());
    for (int i = 0; i < resources.size(); i++) {
      ItemRules.resource(resources.get(i), Problems.at(Problems.at(path, "resources"), i), out);
    }
    List<ResourceTemplateSpec> templates = orEmpty(server.resourceTemplates());
    for (int i = 0; i < templates.size(); i++) {
      ItemRules.resourceTemplate(
          templates.get(i), Problems.at(Problems.at(path, "resourceTemplates"), i), out);
    }
    List<PromptSpec> prompts = orEmpty(server.prompts());
    for (int i = 0; i < prompts.size(); i++) {
      ItemRules.prompt(prompts.get(i), Problems.at(Problems.at(path, "prompts"), i), out);
    }
  }

  private static <T> Set<String> names(
      List<T> items, java.util.function.Function<T, String> name, Set<String> more) {
    Set<String> names = new LinkedHashSet<>();
    orEmpty(items).stream().map(name).filter(Objects::nonNull).forEach(names::add);
    names.addAll(more);
    return names;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
