package dev.mcpfleet.runtime.declarative;

import dev.mcpfleet.api.spec.PromptSpec;
import dev.mcpfleet.api.spec.PromptSpec.PromptArgumentSpec;
import dev.mcpfleet.api.spec.PromptSpec.PromptMessageSpec;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.template.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A prompt from the manifest: its messages (of any content type) are templates over the prompt's
 * arguments; declared completion values answer completion/complete.
 */
public final class DeclaredPrompt implements McpPrompt {

  private record MessageTemplate(String role, ContentTemplate content) {}

  private final PromptDescriptor descriptor;
  private final List<MessageTemplate> messages;
  private final PrefixCompletions completions;

  public DeclaredPrompt(PromptSpec spec) {
    List<PromptArgumentSpec> arguments = spec.arguments() == null ? List.of() : spec.arguments();
    this.descriptor =
        new PromptDescriptor(
            spec.name(),
            spec.title(),
            spec.description(),
            arguments.stream()
                .map(
                    a ->
                        new Argument(
                            a.name(),
                            a.title(),
                            a.description(),
                            Boolean.TRUE.equals(a.required())))
                .toList(),
            SpecMappings.icons(spec.icons()));
    List<MessageTemplate> compiled = new ArrayList<>();
    for (PromptMessageSpec m : spec.messages()) {
      compiled.add(
          new MessageTemplate(
              m.role().name().toLowerCase(Locale.ROOT), new ContentTemplate(m.content())));
    }
    this.messages = List.copyOf(compiled);
    Map<String, List<String>> values = new LinkedHashMap<>();
    arguments.stream()
        .filter(a -> a.completions() != null)
        .forEach(a -> values.put(a.name(), List.copyOf(a.completions())));
    this.completions = new PrefixCompletions(values);
  }

  /** Rendered from memory: never blocks. */
  @Override
  public boolean inline() {
    return true;
  }

  @Override
  public PromptDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public PromptResult get(Map<String, String> arguments, CallContext context) {
    Values values = Values.of(arguments);
    List<Message> rendered = new ArrayList<>(messages.size());
    for (MessageTemplate m : messages) {
      rendered.add(new Message(m.role(), m.content().render(values)));
    }
    return new PromptResult(descriptor.description(), rendered);
  }

  @Override
  public List<String> complete(String argument, String prefix, Map<String, String> context) {
    return completions.complete(argument, prefix);
  }
}
