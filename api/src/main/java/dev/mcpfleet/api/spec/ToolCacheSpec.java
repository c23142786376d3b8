package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** Result caching for one tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCacheSpec(
    @JsonPropertyDescription("Cache this tool's successful results. Default: true when set.")
        Boolean enabled,
    @Pattern(Durations.PATTERN)
        @JsonPropertyDescription("How long a result stays fresh. Default: resilience.cache.ttl.")
        String ttl,
    @JsonPropertyDescription(
            "Results depend on who calls: key the cache by caller as well as by arguments.")
        Boolean perCaller,
    @JsonPropertyDescription(
            "While the circuit breaker is open, answer from the cache even after ttl, marked as"
                + " degraded, instead of failing. Default: true.")
        Boolean serveStaleWhenUnavailable) {}
