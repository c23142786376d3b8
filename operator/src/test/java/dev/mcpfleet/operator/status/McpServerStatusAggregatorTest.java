package dev.mcpfleet.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerStatus;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.Finding;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpServerStatusAggregatorTest {

  static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123Z");
  static final Instant T1 = Instant.parse("2026-05-01T10:05:00Z");

  private McpServerStatus aggregate(
      McpServer server, Acceptance acceptance, Observation seen, Instant now) {
    return new McpServerStatusAggregator(Clock.fixed(now, ZoneOffset.UTC), "")
        .aggregate(server, acceptance, seen);
  }

  private static Observation seen(io.fabric8.kubernetes.api.model.apps.Deployment d) {
    return new Observation(d, List.of(), false);
  }

  @Test
  void readyWhenAcceptedAvailableAndNotDegraded() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    McpServerStatus status = aggregate(server, Acceptance.ok(), seen(Workloads.ready(3)), T0);

    assertThat(status.observedGeneration()).isEqualTo(1L);
    assertThat(status.conditions())
        .extracting(Condition::getType, Condition::getStatus, Condition::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accepted", "True", "Accepted"),
            org.assertj.core.groups.Tuple.tuple("Available", "True", "MinimumReplicasAvailable"),
            org.assertj.core.groups.Tuple.tuple("Progressing", "False", "RolloutComplete"),
            org.assertj.core.groups.Tuple.tuple("Degraded", "False", "AsExpected"),
            org.assertj.core.groups.Tuple.tuple("Ready", "True", "Ready"));
    assertThat(status.condition(ConditionType.Ready).getMessage())
        .isEqualTo("3 of 3 replicas ready; MCP endpoint http://hello.tools.svc:8080/mcp");
    assertThat(status.conditions())
        .allSatisfy(
            c -> {
              assertThat(c.getObservedGeneration()).isEqualTo(1L);
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-05-01T10:00:00Z");
            });
    assertThat(status.url()).isEqualTo("http://hello.tools.svc:8080/mcp");
    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.readyReplicas()).isEqualTo(3);
    assertThat(status.authentication()).isEqualTo("none");
    assertThat(status.tools()).containsExactly("greet");
  }

  @Test
  void sameStateGivesAnEqualStatusSoNothingIsWritten() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    server.setStatus(aggregate(server, Acceptance.ok(), seen(Workloads.ready(3)), T0));

    McpServerStatus later = aggregate(server, Acceptance.ok(), seen(Workloads.ready(3)), T1);

    assertThat(later).isEqualTo(server.getStatus());
  }

  @Test
  void transitionTimeChangesOnlyForConditionsThatFlip() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    server.setStatus(aggregate(server, Acceptance.ok(), seen(Workloads.ready(3)), T0));

    McpServerStatus later =
        aggregate(
            server,
            Acceptance.ok(),
            seen(
                Workloads.deployment(
                    3,
                    3,
                    0,
                    Workloads.condition("Available", "False", "MinimumReplicasUnavailable"))),
            T1);

    assertThat(later.condition(ConditionType.Available).getLastTransitionTime())
        .isEqualTo("2026-05-01T10:05:00Z");
    assertThat(later.condition(ConditionType.Accepted).getLastTransitionTime())
        .isEqualTo("2026-05-01T10:00:00Z");
    assertThat(later.condition(ConditionType.Ready).getReason())
        .isEqualTo("MinimumReplicasUnavailable");
  }

  @Test
  void notAcceptedIsNotReadyWithTheSameReasonAndMessage() {
    McpServer server = TestServers.parse(TestServers.WEATHER);
    Acceptance rejected =
        Acceptance.of(List.of(new Finding("SecretNotFound", "Secret 'weather-api' not found")));

    McpServerStatus status = aggregate(server, rejected, Observation.nothing(), T0);

    assertThat(status.condition(ConditionType.Accepted).getStatus()).isEqualTo("False");
    assertThat(status.condition(ConditionType.Ready).getReason()).isEqualTo("SecretNotFound");
    assertThat(status.condition(ConditionType.Ready).getMessage())
        .isEqualTo("Secret 'weather-api' not found");
    assertThat(status.condition(ConditionType.Available).getReason()).isEqualTo("NotAccepted");
    assertThat(status.url()).isNull();
    assertThat(status.replicas()).isNull();
  }

  @Test
  void stuckRolloutIsDegradedWithAnActionableMessage() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    var stuck =
        Workloads.deployment(
            3,
            1,
            2,
            Workloads.condition("Available", "True", "MinimumReplicasAvailable"),
            Workloads.condition("Progressing", "False", "ProgressDeadlineExceeded"));

    McpServerStatus status = aggregate(server, Acceptance.ok(), seen(stuck), T0);

    assertThat(status.condition(ConditionType.Progressing).getReason()).isEqualTo("RolloutStuck");
    assertThat(status.condition(ConditionType.Degraded).getStatus()).isEqualTo("True");
    assertThat(status.condition(ConditionType.Degraded).getMessage())
        .contains("kubectl describe pods -n tools -l app.kubernetes.io/instance=hello");
    assertThat(status.condition(ConditionType.Ready).getReason()).isEqualTo("RolloutStuck");
  }

  @Test
  void imagePullFailureIsDegradedWithThePodsReason() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    var pods = List.of(Workloads.waiting("hello-1", "ImagePullBackOff", "Back-off pulling image"));

    McpServerStatus status =
        aggregate(
            server,
            Acceptance.ok(),
            new Observation(Workloads.deployment(3, 3, 0), pods, false),
            T0);

    assertThat(status.condition(ConditionType.Degraded).getReason()).isEqualTo("ImagePullBackOff");
    assertThat(status.condition(ConditionType.Degraded).getMessage())
        .isEqualTo(
            "pod hello-1 cannot pull image 'mcp-fleet/runtime:nope' (Back-off pulling image);"
                + " check spec.pod.image and spec.pod.imagePullSecrets");
    assertThat(status.condition(ConditionType.Ready).getStatus()).isEqualTo("False");
  }

  @Test
  void crashLoopAndUnschedulablePodsAreDegraded() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    var crash =
        aggregate(
            server,
            Acceptance.ok(),
            new Observation(
                Workloads.deployment(3, 3, 0),
                List.of(Workloads.waiting("hello-2", "CrashLoopBackOff", null)),
                false),
            T0);
    var pending =
        aggregate(
            server,
            Acceptance.ok(),
            new Observation(
                Workloads.deployment(3, 3, 0), List.of(Workloads.unschedulable("hello-3")), false),
            T0);

    assertThat(crash.condition(ConditionType.Degraded).getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(crash.condition(ConditionType.Degraded).getMessage())
        .contains("kubectl logs -n tools hello-2");
    assertThat(pending.condition(ConditionType.Degraded).getReason()).isEqualTo("Unschedulable");
    assertThat(pending.condition(ConditionType.Degraded).getMessage()).contains("Insufficient cpu");
  }

  @Test
  void rolloutUnderWayIsProgressingWhileStillAvailable() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    var rolling =
        Workloads.deployment(
            3, 1, 3, Workloads.condition("Available", "True", "MinimumReplicasAvailable"));

    McpServerStatus status = aggregate(server, Acceptance.ok(), seen(rolling), T0);

    assertThat(status.condition(ConditionType.Progressing).getStatus()).isEqualTo("True");
    assertThat(status.condition(ConditionType.Progressing).getMessage())
        .isEqualTo("1 of 3 replicas updated, 3 available");
    assertThat(status.condition(ConditionType.Ready).getStatus()).isEqualTo("True");
  }

  @Test
  void missingMonitoringApiIsANoteNotAFailure() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    McpServerStatus status =
        aggregate(
            server, Acceptance.ok(), new Observation(Workloads.ready(3), List.of(), true), T0);

    assertThat(status.condition(ConditionType.Ready).getStatus()).isEqualTo("True");
    assertThat(status.condition(ConditionType.Ready).getMessage())
        .endsWith(
            "note: no ServiceMonitor was created because the monitoring.coreos.com API"
                + " (Prometheus Operator) is not installed");
  }

  @Test
  void clusterDomainGivesTheFullyQualifiedUrl() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    String url = new McpServerStatusAggregator(Clock.systemUTC(), "cluster.local").url(server);

    assertThat(url).isEqualTo("http://hello.tools.svc.cluster.local:8080/mcp");
  }

  @Test
  void authenticationModeIsReported() {
    McpServer server =
        TestServers.helloWith("security: {auth: {mode: apiKey, apiKey: {secretRef: keys}}}");

    assertThat(aggregate(server, Acceptance.ok(), Observation.nothing(), T0).authentication())
        .isEqualTo("apiKey");
  }

  @Test
  void applyFailureIsDegradedAndKeepsTheRestOfTheStatus() {
    McpServer server = TestServers.parse(TestServers.HELLO);
    server.setStatus(aggregate(server, Acceptance.ok(), seen(Workloads.ready(3)), T0));
    var error =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(403)
                .withMessage("deployments.apps \"hello\" is forbidden: cannot patch")
                .build());

    McpServerStatus status =
        new McpServerStatusAggregator(Clock.fixed(T1, ZoneOffset.UTC), "").failed(server, error);

    assertThat(status.condition(ConditionType.Degraded).getReason()).isEqualTo("ApplyFailed");
    assertThat(status.condition(ConditionType.Ready).getMessage())
        .isEqualTo(
            "applying the server's objects failed: deployments.apps \"hello\" is forbidden:"
                + " cannot patch; retrying");
    assertThat(status.condition(ConditionType.Accepted))
        .isEqualTo(server.getStatus().condition(ConditionType.Accepted));
    assertThat(status.readyReplicas()).isEqualTo(3);
  }
}
