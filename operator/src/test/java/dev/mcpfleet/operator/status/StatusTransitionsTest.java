package dev.mcpfleet.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerStatus;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.events.McpServerEvent;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.Finding;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which status changes are told as Events, replayed step by step as the reconciler sees them. */
class StatusTransitionsTest {

  private final McpServer server = TestServers.parse(TestServers.HELLO);
  private final McpServerStatusAggregator aggregator =
      new McpServerStatusAggregator(
          Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), "");

  private static final Acceptance SECRET_MISSING =
      Acceptance.of(
          List.of(
              new Finding(
                  Acceptance.SECRET_NOT_FOUND,
                  "Secret 'weather-api' not found in namespace 'tools'; create it")));

  private static final Deployment ROLLING = Workloads.deployment(3, 1, 0);

  /** The next status, as the reconciler computes it, and the events of that step. */
  private List<McpServerEvent> step(Acceptance acceptance, Deployment deployment, Pod... pods) {
    return apply(aggregator.aggregate(server, acceptance, seen(deployment, false, pods)));
  }

  private List<McpServerEvent> apply(McpServerStatus after) {
    List<McpServerEvent> events = StatusTransitions.between(server.getStatus(), after);
    server.setStatus(after);
    return events;
  }

  private static Observation seen(Deployment deployment, boolean monitoringMissing, Pod... pods) {
    return new Observation(deployment, List.of(pods), monitoringMissing);
  }

  @Test
  void aRejectedSpecIsAWarningWithTheReasonAndMessageOfAccepted() {
    List<McpServerEvent> events = step(SECRET_MISSING, null);

    assertThat(events)
        .containsExactly(
            McpServerEvent.warning(
                "SecretNotFound",
                McpServerEvent.VALIDATE,
                "Secret 'weather-api' not found in namespace 'tools'; create it"));
  }

  @Test
  void theSameRejectionIsNotToldTwiceButADifferentOneIs() {
    step(SECRET_MISSING, null);

    List<McpServerEvent> same = step(SECRET_MISSING, null);
    List<McpServerEvent> other =
        step(Acceptance.of(List.of(new Finding(Acceptance.INVALID_SPEC, "spec.x is bad"))), null);

    assertThat(same).isEmpty();
    assertThat(other)
        .extracting(McpServerEvent::reason, McpServerEvent::note)
        .containsExactly(tuple("InvalidSpec", "spec.x is bad"));
  }

  @Test
  void aSpecAcceptedAgainIsANormalEventAndItsRolloutStarts() {
    step(SECRET_MISSING, null);

    List<McpServerEvent> events = step(Acceptance.ok(), ROLLING);

    assertThat(events)
        .extracting(McpServerEvent::reason, McpServerEvent::warning)
        .containsExactly(tuple("SpecAccepted", false), tuple("RolloutStarted", false));
  }

  @Test
  void aFirstAcceptanceIsNotAnEventOfItsOwn() {
    assertThat(step(Acceptance.ok(), null)).isEmpty();
  }

  @Test
  void aRolloutIsToldWhenItStartsAndWhenItCompletes() {
    List<McpServerEvent> started = step(Acceptance.ok(), ROLLING);
    List<McpServerEvent> progressing = step(Acceptance.ok(), Workloads.deployment(3, 2, 1));
    List<McpServerEvent> completed = step(Acceptance.ok(), Workloads.ready(3));
    List<McpServerEvent> steady = step(Acceptance.ok(), Workloads.ready(3));

    assertThat(started)
        .containsExactly(
            McpServerEvent.normal(
                "RolloutStarted",
                McpServerEvent.ROLLOUT,
                "rolling out generation 1: 1 of 3 replicas updated, 0 available"));
    assertThat(progressing).as("counts moving on are no event").isEmpty();
    assertThat(completed)
        .containsExactly(
            McpServerEvent.normal(
                "RolloutCompleted",
                McpServerEvent.ROLLOUT,
                "all 3 replicas run the current definition"));
    assertThat(steady).isEmpty();
  }

  @Test
  void aStuckRolloutIsOneWarning() {
    step(Acceptance.ok(), ROLLING);
    Deployment stuck =
        Workloads.deployment(
            3, 1, 0, Workloads.condition("Progressing", "False", "ProgressDeadlineExceeded"));

    List<McpServerEvent> events = step(Acceptance.ok(), stuck);

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.warning()).isTrue();
              assertThat(e.reason()).isEqualTo("RolloutStuck");
              assertThat(e.note()).contains("kubectl describe pods -n tools");
            });
  }

  @Test
  void aPodProblemWarnsOnceByItsReasonAndItsEndIsNormal() {
    step(Acceptance.ok(), Workloads.ready(3));
    Deployment notReady = Workloads.deployment(3, 3, 0);

    List<McpServerEvent> first =
        step(Acceptance.ok(), notReady, Workloads.waiting("hello-1", "CrashLoopBackOff", "10s"));
    List<McpServerEvent> backOffGrows =
        step(Acceptance.ok(), notReady, Workloads.waiting("hello-1", "CrashLoopBackOff", "40s"));
    List<McpServerEvent> healthy = step(Acceptance.ok(), Workloads.ready(3));

    // Pods that stop being available reopen the rollout, as `kubectl rollout status` sees it.
    assertThat(first)
        .extracting(McpServerEvent::reason, McpServerEvent::action, McpServerEvent::warning)
        .containsExactly(
            tuple("RolloutStarted", McpServerEvent.ROLLOUT, false),
            tuple("CrashLoopBackOff", McpServerEvent.OBSERVE, true));
    assertThat(backOffGrows).isEmpty();
    assertThat(healthy)
        .extracting(McpServerEvent::reason)
        .containsExactly("RolloutCompleted", "Recovered");
    assertThat(healthy.get(1).note())
        .isEqualTo("the earlier problem (CrashLoopBackOff) is over: no problem found");
  }

  @Test
  void aServiceMonitorSkippedForLackOfTheMonitoringApiIsAWarningOnce() {
    List<McpServerEvent> first =
        apply(aggregator.aggregate(server, Acceptance.ok(), seen(Workloads.ready(3), true)));
    List<McpServerEvent> again =
        apply(aggregator.aggregate(server, Acceptance.ok(), seen(Workloads.ready(3), true)));

    assertThat(first)
        .extracting(McpServerEvent::reason, McpServerEvent::action)
        .containsExactly(tuple("ServiceMonitorSkipped", McpServerEvent.MONITOR));
    assertThat(again).isEmpty();
  }

  @Test
  void applyFailedIsAWarningWithTheApiServersAnswer() {
    step(Acceptance.ok(), Workloads.ready(3));

    List<McpServerEvent> events =
        apply(aggregator.failed(server, new IllegalStateException("admission webhook said no")));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("ApplyFailed");
              assertThat(e.action()).isEqualTo(McpServerEvent.APPLY);
              assertThat(e.note()).contains("admission webhook said no");
            });
  }
}
