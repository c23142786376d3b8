package dev.mcpfleet.e2e.support;

import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.HashMap;
import java.util.Map;

/** The operator's configuration as the chart's Deployment gives it to the operator process. */
public final class OperatorEnvironment {

  public static final String POD_NAME = "fleet-mcp-fleet-5d9c7-abcde";

  private OperatorEnvironment() {}

  /**
   * The operator container's environment with the downward-API fields filled in as the kubelet
   * would (pod name, the release namespace), read by the operator's own parser.
   */
  public static OperatorConfig configOf(Deployment deployment) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar var :
        deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
        env.put(
            var.getName(),
            switch (var.getValueFrom().getFieldRef().getFieldPath()) {
              case "metadata.name" -> POD_NAME;
              case "metadata.namespace" -> deployment.getMetadata().getNamespace();
              default ->
                  throw new IllegalArgumentException(
                      "no stand-in for " + var.getValueFrom().getFieldRef().getFieldPath());
            });
      }
    }
    env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    return OperatorConfig.fromEnvironment(env);
  }
}
