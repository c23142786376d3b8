package dev.mcpfleet.bench.operator;

import dev.mcpfleet.operator.McpFleetOperator;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.health.OperatorHttpServer;
import dev.mcpfleet.operator.health.OperatorMetrics;
import dev.mcpfleet.operator.testing.FleetOperator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;

/**
 * The operator as {@code OperatorMain} runs it (settings from the environment, production metrics,
 * /readyz and /metrics), with the one difference the mock API server forces: no server-side apply,
 * as in the operator's own mock tests. Run as its own process so that its CPU and heap are its own.
 *
 * <p>Usage: {@code OperatorUnderMock <api url>}; {@code HTTP_PORT} sets the port of /readyz.
 */
public final class OperatorUnderMock {

  private OperatorUnderMock() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config = OperatorConfig.fromEnvironment(System.getenv());
    OperatorMetrics metrics = new OperatorMetrics();
    Config client = new ConfigBuilder(Config.empty()).withMasterUrl(args[0]).build();
    Operator operator =
        McpFleetOperator.create(
            config,
            new KubernetesClientBuilder().withConfig(client).build(),
            metrics.forOperator(),
            Clock.systemUTC(),
            FleetOperator.WITHOUT_SERVER_SIDE_APPLY);
    OperatorHttpServer.start(
        config.httpPort(), () -> McpFleetOperator.ready(operator), metrics::scrape);
    operator.start();
    System.out.println("operator started");
  }
}
