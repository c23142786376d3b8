package dev.mcpfleet.operator.status;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.McpServerStatus;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.operator.validation.Acceptance;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the operator decided and saw into the McpServer's status: Accepted, Available,
 * Progressing, Degraded and Ready (the summary), plus the endpoint, replica counts, the
 * authentication mode and the tool names. The same inputs always give an equal status, so the
 * reconciler writes it only when something really changed.
 */
public final class McpServerStatusAggregator {

  static final String MONITORING_NOTE =
      "; note: no ServiceMonitor was created because the monitoring.coreos.com API (Prometheus"
          + " Operator) is not installed";

  static final String APPLY_FAILED = "ApplyFailed";

  private final Clock clock;
  private final String clusterDomain;

  public McpServerStatusAggregator(Clock clock, String clusterDomain) {
    this.clock = clock;
    this.clusterDomain = clusterDomain == null ? "" : clusterDomain;
  }

  public McpServerStatus aggregate(McpServer server, Acceptance acceptance, Observation seen) {
    Optional<RolloutState> rollout = Optional.ofNullable(seen.deployment()).map(RolloutState::new);
    ConditionState accepted =
        new ConditionState(acceptance.accepted(), acceptance.reason(), acceptance.message());
    ConditionState notDeployed =
        acceptance.accepted()
            ? ConditionState.isFalse("DeploymentNotCreated", "the Deployment does not exist yet")
            : ConditionState.isFalse(
                "NotAccepted", "nothing is deployed until the spec is accepted");
    ConditionState available = rollout.map(RolloutState::available).orElse(notDeployed);
    ConditionState progressing = rollout.map(RolloutState::progressing).orElse(notDeployed);
    ConditionState degraded =
        PodProblems.first(seen.pods())
            .or(() -> rollout.flatMap(RolloutState::stuck))
            .orElse(ConditionState.isFalse("AsExpected", "no problem found"));
    ConditionState ready = ready(server, accepted, available, degraded, seen.monitoringMissing());
    var conditions =
        new ConditionSet(server.getStatus(), server.getMetadata().getGeneration(), clock.instant())
            .add(ConditionType.Accepted, accepted)
            .add(ConditionType.Available, available)
            .add(ConditionType.Progressing, progressing)
            .add(ConditionType.Degraded, degraded)
            .add(ConditionType.Ready, ready)
            .conditions();
    return new McpServerStatus(
        server.getMetadata().getGeneration(),
        conditions,
        rollout.isPresent() ? url(server) : null,
        rollout.map(RolloutState::running).orElse(null),
        rollout.map(RolloutState::ready).orElse(null),
        authentication(server.getSpec()),
        tools(server.getSpec()));
  }

  /**
   * The status after applying failed: Degraded and not Ready with reason ApplyFailed, the rest as
   * it was. The operator retries with backoff.
   */
  public McpServerStatus failed(McpServer server, Exception error) {
    McpServerStatus previous = server.getStatus();
    String message =
        "applying the server's objects failed: " + FailureMessage.of(error) + "; retrying";
    var conditions =
        new ConditionSet(previous, server.getMetadata().getGeneration(), clock.instant())
            .keep(ConditionType.Accepted)
            .keep(ConditionType.Available)
            .keep(ConditionType.Progressing)
            .add(ConditionType.Degraded, ConditionState.isTrue(APPLY_FAILED, message))
            .add(ConditionType.Ready, ConditionState.isFalse(APPLY_FAILED, message))
            .conditions();
    return new McpServerStatus(
        previous == null ? null : previous.observedGeneration(),
        conditions,
        previous == null ? null : previous.url(),
        previous == null ? null : previous.replicas(),
        previous == null ? null : previous.readyReplicas(),
        authentication(server.getSpec()),
        tools(server.getSpec()));
  }

  /** Whether the status says that a requested ServiceMonitor was not created for lack of API. */
  static boolean notesMissingMonitoring(McpServerStatus status) {
    var ready = status == null ? null : status.condition(ConditionType.Ready);
    return ready != null
        && ready.getMessage() != null
        && ready.getMessage().endsWith(MONITORING_NOTE);
  }

  /** The in-cluster MCP endpoint. */
  public String url(McpServer server) {
    String host =
        server.getMetadata().getName() + "." + server.getMetadata().getNamespace() + ".svc";
    if (!clusterDomain.isEmpty()) {
      host += "." + clusterDomain;
    }
    return "http://" + host + ":" + Defaults.PORT + Defaults.MCP_PATH;
  }

  private ConditionState ready(
      McpServer server,
      ConditionState accepted,
      ConditionState available,
      ConditionState degraded,
      boolean monitoringMissing) {
    String note = monitoringMissing ? MONITORING_NOTE : "";
    if (!accepted.status()) {
      return ConditionState.isFalse(accepted.reason(), accepted.message() + note);
    }
    if (degraded.status()) {
      return ConditionState.isFalse(degraded.reason(), degraded.message() + note);
    }
    if (!available.status()) {
      return ConditionState.isFalse(available.reason(), available.message() + note);
    }
    return ConditionState.isTrue(
        "Ready", available.message() + "; MCP endpoint " + url(server) + note);
  }

  private static String authentication(McpServerSpec spec) {
    if (spec == null || spec.security() == null || spec.security().auth() == null) {
      return "none";
    }
    return switch (spec.security().auth().mode()) {
      case JWT -> "jwt";
      case API_KEY -> "apiKey";
      case NONE -> "none";
      case null -> "none";
    };
  }

  private static List<String> tools(McpServerSpec spec) {
    if (spec == null || spec.server() == null || spec.server().tools() == null) {
      return null;
    }
    List<String> names = spec.server().tools().stream().map(ToolSpec::name).toList();
    return names.isEmpty() ? null : names;
  }
}
