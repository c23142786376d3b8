package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** MCP tool annotations: hints for clients, never trusted by them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolAnnotationsSpec(
    @Size(max = 256) @JsonPropertyDescription("A human-readable title for the tool.") String title,
    @JsonPropertyDescription("The tool does not modify its environment.") Boolean readOnlyHint,
    @JsonPropertyDescription("The tool may perform destructive updates.") Boolean destructiveHint,
    @JsonPropertyDescription(
            "Calling the tool again with the same arguments has no additional effect; such calls"
                + " may be retried.")
        Boolean idempotentHint,
    @JsonPropertyDescription("The tool interacts with external entities.") Boolean openWorldHint) {}
