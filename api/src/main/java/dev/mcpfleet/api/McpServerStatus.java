package dev.mcpfleet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What the operator observed: a small, stable set of conditions ({@link ConditionType}) and the
 * facts users look for first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerStatus(
    @JsonPropertyDescription("The metadata.generation that this status describes.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Conditions in the standard Kubernetes shape: Accepted (spec valid, references"
                + " resolved), Available (enough ready replicas), Progressing (rollout under way),"
                + " Degraded (something users must fix) and Ready (the summary).")
        List<Condition> conditions,
    @JsonPropertyDescription("The in-cluster MCP endpoint (Streamable HTTP).") String url,
    @JsonPropertyDescription("Replicas that the Deployment runs.") Integer replicas,
    @JsonPropertyDescription("Replicas that pass their readiness probe.") Integer readyReplicas,
    @JsonPropertyDescription(
            "How callers authenticate: jwt, apiKey, or none (unauthenticated, reported so it is"
                + " never a surprise).")
        String authentication,
    @JsonPropertyDescription(
            "Names of the tools the manifest declares, in the order the server lists them; empty"
                + " for a server that fronts an upstream, whose tools are known only once it runs.")
        List<String> tools) {

  /** The condition of the given type, if present. */
  public Condition condition(ConditionType type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream()
        .filter(c -> type.name().equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
