package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Output sanitization: size caps and redaction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputSpec(
    @Min(1024)
        @Max(67108864)
        @JsonPropertyDescription(
            "Largest result in bytes; longer results are truncated with a note. Default: 1048576.")
        Integer maxResultBytes,
    @JsonPropertyDescription(
            "Replace values of referenced Secrets and common credential patterns (tokens, keys,"
                + " passwords) in results with [REDACTED]. Default: true.")
        Boolean redactSecrets,
    @Size(max = 64) @JsonPropertyDescription("More regular expressions whose matches are redacted.")
        List<String> redactPatterns) {}
