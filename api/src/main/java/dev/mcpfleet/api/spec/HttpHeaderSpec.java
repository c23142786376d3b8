package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One header of an upstream HTTP request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.value) != has(self.valueFrom)",
    message = "a header needs exactly one of value or valueFrom")
public record HttpHeaderSpec(
    @Required
        @Size(min = 1, max = 256)
        @Pattern("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
        @JsonPropertyDescription("The header name.")
        String name,
    @Size(max = 8192)
        @JsonPropertyDescription("A literal value; may use {{argument}} placeholders.")
        String value,
    @JsonPropertyDescription(
            "Take the value from a Secret or ConfigMap key (never stored in the server's"
                + " ConfigMap; Secret values are redacted from results and logs).")
        ValueSource valueFrom,
    @Size(max = 64) @JsonPropertyDescription("Text put before a valueFrom value, e.g. 'Bearer '.")
        String prefix) {}
