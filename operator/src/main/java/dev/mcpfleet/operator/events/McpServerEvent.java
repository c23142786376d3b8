package dev.mcpfleet.operator.events;

/**
 * Something that happened to an McpServer that its users should hear of, as a Kubernetes Event
 * (events.k8s.io/v1) shows it: {@code kubectl describe mcp <name>} or {@code kubectl events}.
 *
 * @param warning true for a problem the user may have to act on, false for a normal step
 * @param reason UpperCamelCase, e.g. {@code SecretNotFound} or {@code RolloutCompleted}
 * @param action what the operator was doing, e.g. {@code Validate} or {@code Rollout}
 * @param note the human-readable account; built from condition messages, so never a secret value
 */
public record McpServerEvent(boolean warning, String reason, String action, String note) {

  /** Checking the spec and what it references. */
  public static final String VALIDATE = "Validate";

  /** Rolling the Deployment out. */
  public static final String ROLLOUT = "Rollout";

  /** Applying the server's objects to the API server. */
  public static final String APPLY = "Apply";

  /** Watching the server's pods. */
  public static final String OBSERVE = "Observe";

  /** Setting up Prometheus monitoring. */
  public static final String MONITOR = "Monitor";

  public static McpServerEvent normal(String reason, String action, String note) {
    return new McpServerEvent(false, reason, action, note);
  }

  public static McpServerEvent warning(String reason, String action, String note) {
    return new McpServerEvent(true, reason, action, note);
  }

  /** The event's type as Kubernetes spells it. */
  public String type() {
    return warning ? "Warning" : "Normal";
  }
}
