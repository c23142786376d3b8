package dev.mcpfleet.e2e.support;

import dev.mcpfleet.operator.McpFleetOperator;
import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;

/** The MCP Fleet operator running in this JVM, built by the operator's own factory. */
public final class FleetOperator implements AutoCloseable {

  private final Operator operator;

  private FleetOperator(Operator operator) {
    this.operator = operator;
    operator.start();
  }

  /** As in production (server-side apply), for a real API server. */
  public static FleetOperator start(OperatorConfig config, KubernetesClient client) {
    return new FleetOperator(
        McpFleetOperator.create(
            config, client, Metrics.NOOP, Clock.systemUTC(), o -> o.withCloseClientOnStop(false)));
  }

  /** On the mock API server, which has no server-side apply: PUT and JSON patch instead. */
  public static FleetOperator startOnMock(OperatorConfig config, KubernetesClient client) {
    return new FleetOperator(
        McpFleetOperator.create(
            config,
            client,
            Metrics.NOOP,
            Clock.systemUTC(),
            o ->
                o.withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false)));
  }

  @Override
  public void close() {
    operator.stop();
  }
}
