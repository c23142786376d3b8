package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What MCP clients see: identity, instructions and everything the server offers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.tools) || self.tools.all(t, self.tools.exists_one(u, u.name == t.name))",
    message = "tool names must be unique; rename or remove the duplicate tool")
@ValidationRule(
    value =
        "!has(self.resources) || self.resources.all(r, self.resources.exists_one(s, s.uri =="
            + " r.uri))",
    message = "resource URIs must be unique; change or remove the duplicate resource")
@ValidationRule(
    value =
        "!has(self.prompts) || self.prompts.all(p, self.prompts.exists_one(q, q.name =="
            + " p.name))",
    message = "prompt names must be unique; rename or remove the duplicate prompt")
public record ServerSpec(
    @Required
        @Size(min = 1, max = 128)
        @Pattern("^[A-Za-z0-9_.-]+$")
        @JsonPropertyDescription(
            "The server's name as clients see it (serverInfo.name); letters, digits, '_', '.'"
                + " and '-'.")
        String name,
    @Size(max = 64)
        @JsonPropertyDescription("The server's version (serverInfo.version). Default: 1.0.0.")
        String version,
    @Size(max = 256) @JsonPropertyDescription("A human-readable name for display.") String title,
    @Size(max = 1024) @JsonPropertyDescription("A short description of what the server is for.")
        String description,
    @Size(max = 16384)
        @JsonPropertyDescription(
            "Instructions for the model on how to use this server, returned to clients at"
                + " discovery.")
        String instructions,
    @Size(max = 8) @JsonPropertyDescription("Icons clients may show for the server.")
        List<IconSpec> icons,
    @Size(max = 128)
        @JsonPropertyDescription(
            "The tools the server offers, in the order tools/list returns them.")
        List<ToolSpec> tools,
    @Size(max = 256) @JsonPropertyDescription("Fixed resources that clients can list and read.")
        List<ResourceSpec> resources,
    @Size(max = 64)
        @JsonPropertyDescription(
            "Resource templates (RFC 6570 URI templates) whose reads are answered from the"
                + " template's content.")
        List<ResourceTemplateSpec> resourceTemplates,
    @Size(max = 128) @JsonPropertyDescription("Prompt templates that clients can list and get.")
        List<PromptSpec> prompts) {

  /** The version clients see when none is declared. */
  public static final String DEFAULT_VERSION = "1.0.0";
}
