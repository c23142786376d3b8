package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Values that completion/complete suggests for one argument or URI template variable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionSpec(
    @Required @Size(min = 1, max = 128) @JsonPropertyDescription("The argument or variable name.")
        String argument,
    @Required
        @Size(max = 1000)
        @JsonPropertyDescription(
            "Candidate values; those starting with what was typed are offered.")
        List<String> values) {}
