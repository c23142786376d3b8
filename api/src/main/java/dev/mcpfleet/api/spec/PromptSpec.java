package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpfleet.api.spec.ContentSpec.Role;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A prompt template: arguments, and the messages it expands to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptSpec(
    @Required
        @Size(min = 1, max = 128)
        @Pattern("^[A-Za-z0-9_.-]+$")
        @JsonPropertyDescription("Unique prompt name.")
        String name,
    @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
    @Size(max = 4096) @JsonPropertyDescription("What the prompt is for.") String description,
    @Size(max = 32) @JsonPropertyDescription("The prompt's arguments.")
        List<PromptArgumentSpec> arguments,
    @Required
        @Size(min = 1, max = 64)
        @JsonPropertyDescription("The messages; text may use {{argument}} placeholders.")
        List<PromptMessageSpec> messages,
    @Size(max = 8) @JsonPropertyDescription("Icons clients may show for the prompt.")
        List<IconSpec> icons) {

  /** One argument of a prompt. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PromptArgumentSpec(
      @Required
          @Size(min = 1, max = 128)
          @Pattern("^[A-Za-z0-9_.-]+$")
          @JsonPropertyDescription("The argument name.")
          String name,
      @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
      @Size(max = 1024) @JsonPropertyDescription("What the argument means.") String description,
      @JsonPropertyDescription("The argument must be given.") Boolean required,
      @Size(max = 1000)
          @JsonPropertyDescription("Values offered by completion/complete for this argument.")
          List<String> completions) {}

  /** One message of a prompt. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PromptMessageSpec(
      @Required @JsonPropertyDescription("Who speaks: user or assistant.") Role role,
      @Required @JsonPropertyDescription("The message content.") ContentSpec content) {}
}
