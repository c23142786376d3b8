package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.events.KubernetesEventRecorder;
import dev.mcpfleet.operator.status.McpServerStatusAggregator;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the JOSDK operator with MCP Fleet's production settings: server-side apply for every
 * dependent and for status (ConfigMaps included), Events on McpServers, the configured namespaces,
 * leader election and a bounded shutdown. Tests pass an adjustment for what their API server cannot
 * do.
 */
public final class McpFleetOperator {

  private McpFleetOperator() {}

  /**
   * @param adjust applied after the production settings; production passes none
   */
  public static Operator create(
      OperatorConfig config,
      KubernetesClient client,
      Metrics metrics,
      Clock clock,
      Consumer<ConfigurationServiceOverrider> adjust) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(metrics)
                  .withDefaultNonSSAResource(Set.of())
                  .withReconciliationTerminationTimeout(config.shutdownTimeout());
              LeaderElection.configuration(config.leaderElection())
                  .ifPresent(o::withLeaderElectionConfiguration);
              adjust.accept(o);
            });
    var reconciler =
        new McpServerReconciler(
            config,
            AcceptanceCheck.standard(),
            new McpServerStatusAggregator(clock, config.clusterDomain()),
            new KubernetesEventRecorder(client, clock, config.eventReportingInstance()));
    operator.<McpServer>register(
        reconciler,
        o -> {
          if (!config.watchesAllNamespaces()) {
            o.settingNamespaces(config.watchNamespaces());
          }
        });
    return operator;
  }

  /** What /readyz reports: the operator started, and every informer synced and healthy. */
  public static boolean ready(Operator operator) {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }
}
