package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * The guide's capability ACL. A caller may use a tool, resource or prompt when a rule that matches
 * the caller grants it. Lists only show what the caller may use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationSpec(
    @JsonPropertyDescription(
            "What happens when no rule grants an item: deny, or allow. Default: deny when rules"
                + " are given, else allow.")
        Policy defaultPolicy,
    @Size(max = 256) @JsonPropertyDescription("The rules, each granting items to some callers.")
        List<AuthorizationRule> rules) {

  /** What happens when no rule grants an item. */
  public enum Policy {
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("deny")
    DENY
  }

  /**
   * One grant. The caller selectors (subjects, groups, scopes, apiKeys) match when any listed value
   * matches; a rule without selectors matches every authenticated caller. Item lists take exact
   * names or globs ({@code *}, {@code weather_*}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AuthorizationRule(
      @Size(max = 128) @JsonPropertyDescription("A name for audit logs and messages.") String name,
      @Size(max = 256) @JsonPropertyDescription("Token subjects (sub) this rule applies to.")
          List<String> subjects,
      @Size(max = 256)
          @JsonPropertyDescription("Groups or roles (from the token) this rule applies to.")
          List<String> groups,
      @Size(max = 256)
          @JsonPropertyDescription(
              "Scopes this rule applies to; a caller without one is told which scope it needs.")
          List<String> scopes,
      @Size(max = 256) @JsonPropertyDescription("API key names this rule applies to.")
          List<String> apiKeys,
      @Size(max = 512) @JsonPropertyDescription("Tools granted (names or globs).")
          List<String> tools,
      @Size(max = 512) @JsonPropertyDescription("Resources granted (URIs or globs).")
          List<String> resources,
      @Size(max = 512) @JsonPropertyDescription("Prompts granted (names or globs).")
          List<String> prompts) {}
}
