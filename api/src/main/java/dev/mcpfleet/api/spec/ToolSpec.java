package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One tool: what the model sees, and exactly one implementation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.text) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1",
    message = "a tool needs exactly one implementation: set either text or http")
public record ToolSpec(
    @Required
        @Size(min = 1, max = 128)
        @Pattern("^[A-Za-z0-9_.-]+$")
        @JsonPropertyDescription(
            "Unique tool name, 1-128 characters from letters, digits, '_', '.' and '-'.")
        String name,
    @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
    @Required
        @Size(min = 1, max = 8192)
        @JsonPropertyDescription("What the tool does and when to use it; the model reads this.")
        String description,
    @Size(max = 8) @JsonPropertyDescription("Icons clients may show for the tool.")
        List<IconSpec> icons,
    @JsonPropertyDescription(
            "JSON Schema (2020-12 unless $schema says otherwise) of the arguments; its type must"
                + " be object. Default: an object with no properties.")
        JsonNode inputSchema,
    @JsonPropertyDescription(
            "JSON Schema of the structured result; when set, every result carries conforming"
                + " structuredContent.")
        JsonNode outputSchema,
    @JsonPropertyDescription("Hints about the tool's behaviour; clients treat them as untrusted.")
        ToolAnnotationsSpec annotations,
    @JsonPropertyDescription(
            "Caches results of this tool (resilience.cache gives the defaults). Only for tools"
                + " whose answer depends on nothing but their arguments (and the caller, with"
                + " perCaller).")
        ToolCacheSpec cache,
    @JsonPropertyDescription("Answer with templated content: no code, no upstream.")
        TextToolSpec text,
    @JsonPropertyDescription("Answer by calling an HTTP API built from the arguments.")
        HttpToolSpec http) {}
