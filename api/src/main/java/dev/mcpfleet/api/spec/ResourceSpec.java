package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpfleet.api.spec.ContentSpec.ContentAnnotationsSpec;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A fixed resource: its identity and its content (text or base64 blob). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.text) != has(self.blob)",
    message = "a resource needs exactly one of text or blob (base64)")
public record ResourceSpec(
    @Required
        @Size(min = 1, max = 2048)
        @JsonPropertyDescription("The resource's URI, e.g. docs://handbook/intro.")
        String uri,
    @Required @Size(min = 1, max = 256) @JsonPropertyDescription("The resource's name.")
        String name,
    @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
    @Size(max = 1024) @JsonPropertyDescription("What the resource holds.") String description,
    @Size(max = 128)
        @JsonPropertyDescription("The content's MIME type. Default: text/plain for text.")
        String mimeType,
    @Size(max = 1048576) @JsonPropertyDescription("Text content.") String text,
    @Size(max = 4194304) @JsonPropertyDescription("Base64-encoded binary content.") String blob,
    @Size(max = 8) @JsonPropertyDescription("Icons clients may show for the resource.")
        List<IconSpec> icons,
    @JsonPropertyDescription("Who the resource is for and how important it is.")
        ContentAnnotationsSpec annotations) {}
