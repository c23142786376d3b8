package dev.mcpfleet.operator;

import dev.mcpfleet.operator.health.OperatorHttpServer;
import dev.mcpfleet.operator.health.OperatorMetrics;
import dev.mcpfleet.operator.logging.LogSetup;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the MCP Fleet operator: reads {@link OperatorConfig} from the environment, sets up logs
 * and metrics, serves /healthz, /readyz and /metrics, and stops cleanly on SIGTERM.
 *
 * <p>{@code java -jar mcp-fleet-operator.jar rbac} prints the API rights it needs instead.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (args.length > 0 && "rbac".equals(args[0])) {
      System.out.print(Serialization.asYaml(Map.of("rules", OperatorPermissions.rules(config))));
      return;
    }
    LogSetup.apply(config.logFormat(), config.logLevel());
    Logger log = LoggerFactory.getLogger(OperatorMain.class);

    OperatorMetrics metrics = new OperatorMetrics();
    Operator operator =
        McpFleetOperator.create(
            config,
            new KubernetesClientBuilder().build(),
            metrics.forOperator(),
            Clock.systemUTC(),
            o -> {});
    OperatorHttpServer http =
        OperatorHttpServer.start(
            config.httpPort(), () -> McpFleetOperator.ready(operator), metrics::scrape);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: finishing running reconciliations");
                  http.stopping();
                  operator.stop();
                  http.close();
                  metrics.close();
                },
                "mcp-fleet-shutdown"));
    log.info(
        "MCP Fleet operator starting: namespaces {}, leader election {}, runtime image {}, http"
            + " port {}",
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces(),
        config.leaderElection().enabled() ? "on" : "off",
        config.runtimeImage(),
        http.port());
    try {
      operator.start();
    } catch (RuntimeException e) {
      // E.g. no API server, no CRD, or no RBAC: the informers cannot sync. Exit so the pod
      // restarts.
      log.error("MCP Fleet operator cannot start: {}", e.getMessage(), e);
      http.close();
      metrics.close();
      System.exit(1);
    }
  }
}
