package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The audit log: one JSON line per call on its own logger (mcpfleet.audit). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditSpec(
    @JsonPropertyDescription("Write audit lines. Default: true.") Boolean enabled,
    @JsonPropertyDescription(
            "Include argument values in audit lines (they may hold personal data). Default:"
                + " false.")
        Boolean includeArguments) {}
