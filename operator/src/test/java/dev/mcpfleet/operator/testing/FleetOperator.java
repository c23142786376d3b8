package dev.mcpfleet.operator.testing;

import dev.mcpfleet.operator.McpFleetOperator;
import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The MCP Fleet operator running in the test JVM, built by the operator's own factory with the
 * production settings; on the mock API server, with server-side apply switched off here, the one
 * place. The client stays open when the operator stops: the test owns it.
 */
public final class FleetOperator implements AutoCloseable {

  /**
   * What the mock API server cannot do, switched off: server-side apply for dependents and status
   * (written with PUT and JSON patch instead). This runs JOSDK's non-SSA matching, not
   * production's, so SSA matching is only tested on a real API server.
   */
  public static final Consumer<ConfigurationServiceOverrider> WITHOUT_SERVER_SIDE_APPLY =
      o ->
          o.withUseSSAToPatchPrimaryResource(false)
              .withSSABasedCreateUpdateMatchForDependentResources(false);

  private final Operator operator;

  private FleetOperator(Operator operator) {
    this.operator = operator;
    operator.start();
  }

  /** As in production (server-side apply), for a real API server. */
  public static FleetOperator start(OperatorConfig config, KubernetesClient client) {
    return new FleetOperator(create(config, client, o -> {}));
  }

  /** On the mock API server, which has no server-side apply: PUT and JSON patch instead. */
  public static FleetOperator startOnMock(OperatorConfig config, KubernetesClient client) {
    return new FleetOperator(create(config, client, WITHOUT_SERVER_SIDE_APPLY));
  }

  private static Operator create(
      OperatorConfig config,
      KubernetesClient client,
      Consumer<ConfigurationServiceOverrider> adjust) {
    return McpFleetOperator.create(
        config,
        client,
        Metrics.NOOP,
        Clock.systemUTC(),
        adjust.andThen(o -> o.withCloseClientOnStop(false)));
  }

  @Override
  public void close() {
    operator.stop();
  }
}
