package dev.mcpfleet.runtime.declarative;

import dev.mcpfleet.api.spec.CompletionSpec;
import dev.mcpfleet.api.spec.ResourceTemplateSpec;
import dev.mcpfleet.api.validation.Base64Data;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.template.Template;
import dev.mcpfleet.runtime.template.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of resources from the manifest: reading a URI that matches the template answers the
 * template's text with the URI's variables in its {@code {{placeholders}}} (or its fixed blob).
 */
public final class DeclaredResourceTemplate implements McpResourceTemplate {

  private final TemplateDescriptor descriptor;
  private final Template text;
  private final String blob;
  private final PrefixCompletions completions;

  public DeclaredResourceTemplate(ResourceTemplateSpec spec) {
    String mimeType =
        spec.mimeType() != null
            ? spec.mimeType()
            : spec.text() != null
                ? StaticResource.DEFAULT_TEXT_TYPE
                : StaticResource.DEFAULT_BLOB_TYPE;
    this.descriptor =
        new TemplateDescriptor(
            spec.uriTemplate(),
            spec.name(),
            spec.title(),
            spec.description(),
            mimeType,
            SpecMappings.annotations(spec.annotations()),
            SpecMappings.icons(spec.icons()));
    this.text = spec.text() == null ? null : Template.plain(spec.text());
    this.blob = spec.blob() == null ? null : Base64Data.normalize(spec.blob());
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (spec.completions() != null) {
      for (CompletionSpec c : spec.completions()) {
        values.put(c.argument(), List.copyOf(c.values()));
      }
    }
    this.completions = new PrefixCompletions(values);
  }

  /** Rendered from memory: never blocks. */
  @Override
  public boolean inline() {
    return true;
  }

  @Override
  public TemplateDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<ResourceContents> read(
      String uri, Map<String, String> variables, CallContext context) {
    return List.of(
        text != null
            ? ResourceContents.text(uri, descriptor.mimeType(), text.render(Values.of(variables)))
            : ResourceContents.blob(uri, descriptor.mimeType(), blob));
  }

  @Override
  public List<String> complete(String variable, String prefix) {
    return completions.complete(variable, prefix);
  }
}
