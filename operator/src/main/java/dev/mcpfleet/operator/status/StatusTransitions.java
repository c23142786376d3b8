package dev.mcpfleet.operator.status;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServerStatus;
import dev.mcpfleet.operator.events.McpServerEvent;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The events a change of status stands for: the spec rejected (with the reason and message of
 * Accepted) or accepted again, a rollout started, completed or stuck, a problem found in the pods
 * or in applying (and its end), a requested ServiceMonitor skipped. Events come from transitions
 * only, so an unchanged status means no event and no write.
 */
public final class StatusTransitions {

  static final String SPEC_ACCEPTED = "SpecAccepted";
  static final String ROLLOUT_STARTED = "RolloutStarted";
  static final String ROLLOUT_COMPLETED = "RolloutCompleted";
  static final String RECOVERED = "Recovered";
  static final String SERVICE_MONITOR_SKIPPED = "ServiceMonitorSkipped";

  private static final Set<String> ROLLING =
      Set.of(RolloutState.ROLLING_OUT, RolloutState.ROLLOUT_STUCK);

  private StatusTransitions() {}

  /**
   * @param before the status as stored, null for a new McpServer
   */
  public static List<McpServerEvent> between(McpServerStatus before, McpServerStatus after) {
    List<McpServerEvent> events = new ArrayList<>();
    acceptance(condition(before, ConditionType.Accepted), after, events);
    rollout(condition(before, ConditionType.Progressing), after, events);
    degradation(condition(before, ConditionType.Degraded), after, events);
    if (McpServerStatusAggregator.notesMissingMonitoring(after)
        && !McpServerStatusAggregator.notesMissingMonitoring(before)) {
      events.add(
          McpServerEvent.warning(
              SERVICE_MONITOR_SKIPPED,
              McpServerEvent.MONITOR,
              "no ServiceMonitor was created: the monitoring.coreos.com API (Prometheus Operator)"
                  + " is not installed; the server runs without one, and the ServiceMonitor"
                  + " follows once the API is installed"));
    }
    return events;
  }

  private static void acceptance(Condition was, McpServerStatus after, List<McpServerEvent> out) {
    Condition is = condition(after, ConditionType.Accepted);
    if (is == null) {
      return;
    }
    if (isFalse(is) && !(isFalse(was) && sameReasonAndMessage(was, is))) {
      out.add(McpServerEvent.warning(is.getReason(), McpServerEvent.VALIDATE, is.getMessage()));
    } else if (isTrue(is) && isFalse(was)) {
      out.add(
          McpServerEvent.normal(
              SPEC_ACCEPTED, McpServerEvent.VALIDATE, "the spec is accepted again; applying it"));
    }
  }

  private static void rollout(Condition was, McpServerStatus after, List<McpServerEvent> out) {
    Condition is = condition(after, ConditionType.Progressing);
    String now = is == null ? null : is.getReason();
    String then = was == null ? null : was.getReason();
    if (now == null || now.equals(then)) {
      return;
    }
    if (RolloutState.ROLLING_OUT.equals(now)) {
      out.add(
          McpServerEvent.normal(
              ROLLOUT_STARTED,
              McpServerEvent.ROLLOUT,
              "rolling out generation " + after.observedGeneration() + ": " + is.getMessage()));
    } else if (RolloutState.ROLLOUT_COMPLETE.equals(now)
        && then != null
        && ROLLING.contains(then)) {
      out.add(McpServerEvent.normal(ROLLOUT_COMPLETED, McpServerEvent.ROLLOUT, is.getMessage()));
    } else if (RolloutState.ROLLOUT_STUCK.equals(now)) {
      out.add(
          McpServerEvent.warning(
              RolloutState.ROLLOUT_STUCK, McpServerEvent.ROLLOUT, is.getMessage()));
    }
  }

  /** A new problem by its reason; a stuck rollout is already told by {@link #rollout}. */
  private static void degradation(Condition was, McpServerStatus after, List<McpServerEvent> out) {
    Condition is = condition(after, ConditionType.Degraded);
    if (is == null) {
      return;
    }
    if (isTrue(is)
        && !RolloutState.ROLLOUT_STUCK.equals(is.getReason())
        && !(isTrue(was) && Objects.equals(was.getReason(), is.getReason()))) {
      String action =
          McpServerStatusAggregator.APPLY_FAILED.equals(is.getReason())
              ? McpServerEvent.APPLY
              : McpServerEvent.OBSERVE;
      out.add(McpServerEvent.warning(is.getReason(), action, is.getMessage()));
    } else if (isFalse(is) && isTrue(was)) {
      out.add(
          McpServerEvent.normal(
              RECOVERED,
              McpServerEvent.OBSERVE,
              "the earlier problem (" + was.getReason() + ") is over: " + is.getMessage()));
    }
  }

  private static Condition condition(McpServerStatus status, ConditionType type) {
    return status == null ? null : status.condition(type);
  }

  private static boolean isTrue(Condition c) {
    return c != null && "True".equals(c.getStatus());
  }

  private static boolean isFalse(Condition c) {
    return c != null && "False".equals(c.getStatus());
  }

  private static boolean sameReasonAndMessage(Condition a, Condition b) {
    return Objects.equals(a.getReason(), b.getReason())
        && Objects.equals(a.getMessage(), b.getMessage());
  }
}
