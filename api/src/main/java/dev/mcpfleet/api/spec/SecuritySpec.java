package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The guide's security layers, in the order a request meets them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecuritySpec(
    @JsonPropertyDescription("How callers prove who they are. Default: mode none (reported).")
        AuthSpec auth,
    @JsonPropertyDescription(
            "Which callers may use which tools, resources and prompts. Default: every"
                + " authenticated caller may use everything.")
        AuthorizationSpec authorization,
    @JsonPropertyDescription("Token bucket per caller. Default: 100 requests/s, burst 20.")
        RateLimitSpec rateLimit,
    @JsonPropertyDescription("Caps and redaction applied to every result.") OutputSpec output,
    @JsonPropertyDescription("The audit log: one JSON line per call.") AuditSpec audit) {}
