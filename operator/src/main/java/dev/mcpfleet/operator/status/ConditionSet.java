package dev.mcpfleet.operator.status;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServerStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds conditions in the standard Kubernetes shape. A condition keeps its lastTransitionTime
 * while its status stays the same, so an unchanged state yields an identical status and no write.
 */
final class ConditionSet {

  private final McpServerStatus previous;
  private final Long generation;
  private final String now;
  private final List<Condition> conditions = new ArrayList<>();

  ConditionSet(McpServerStatus previous, Long generation, Instant now) {
    this.previous = previous;
    this.generation = generation;
    this.now = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }

  ConditionSet add(ConditionType type, ConditionState state) {
    String status = state.status() ? "True" : "False";
    Condition before = previous == null ? null : previous.condition(type);
    String since =
        before != null
                && status.equals(before.getStatus())
                && before.getLastTransitionTime() != null
            ? before.getLastTransitionTime()
            : now;
    conditions.add(
        new ConditionBuilder()
            .withType(type.name())
            .withStatus(status)
            .withReason(state.reason())
            .withMessage(state.message())
            .withLastTransitionTime(since)
            .withObservedGeneration(generation)
            .build());
    return this;
  }

  /** Carries the previous condition of that type over unchanged, if there is one. */
  ConditionSet keep(ConditionType type) {
    Condition before = previous == null ? null : previous.condition(type);
    if (before != null) {
      conditions.add(before);
    }
    return this;
  }

  List<Condition> conditions() {
    return List.copyOf(conditions);
  }
}
