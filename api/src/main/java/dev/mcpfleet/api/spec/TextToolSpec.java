package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * A tool answered from the manifest alone. Strings may use {@code {{argument}}} placeholders,
 * replaced by the call's arguments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextToolSpec(
    @Size(max = 32)
        @JsonPropertyDescription(
            "The content blocks of the result: text, image, audio, resource (embedded) or"
                + " resource_link. Default: the serialized structuredContent as one text block.")
        List<ContentSpec> content,
    @JsonPropertyDescription(
            "The structured result (JSON); string values may use {{argument}} placeholders. Must"
                + " conform to the tool's outputSchema when one is set.")
        JsonNode structuredContent,
    @JsonPropertyDescription("Report the result as a tool error (isError: true).")
        Boolean isError) {}
