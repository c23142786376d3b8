package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpfleet.api.spec.ContentSpec.ContentAnnotationsSpec;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * A family of resources named by an RFC 6570 URI template. Reading a matching URI answers the
 * template's text with the URI's variables substituted for {@code {{variable}}} placeholders.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.text) != has(self.blob)",
    message = "a resource template needs exactly one of text or blob (base64)")
public record ResourceTemplateSpec(
    @Required
        @Size(min = 1, max = 2048)
        @JsonPropertyDescription("The URI template, e.g. users://{id}/profile.")
        String uriTemplate,
    @Required @Size(min = 1, max = 256) @JsonPropertyDescription("The template's name.")
        String name,
    @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
    @Size(max = 1024) @JsonPropertyDescription("What the resources hold.") String description,
    @Size(max = 128) @JsonPropertyDescription("The content's MIME type.") String mimeType,
    @Size(max = 1048576)
        @JsonPropertyDescription("Text content; {{variable}} is replaced by the URI's variable.")
        String text,
    @Size(max = 4194304) @JsonPropertyDescription("Base64-encoded binary content.") String blob,
    @Size(max = 32) @JsonPropertyDescription("Values offered by completion/complete, per variable.")
        List<CompletionSpec> completions,
    @Size(max = 8) @JsonPropertyDescription("Icons clients may show for the template.")
        List<IconSpec> icons,
    @JsonPropertyDescription("Who the resources are for and how important they are.")
        ContentAnnotationsSpec annotations) {}
