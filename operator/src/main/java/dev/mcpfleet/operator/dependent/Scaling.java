package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.ScalingSpec;
import dev.mcpfleet.api.spec.ScalingSpec.AutoscalingSpec;

/**
 * How many replicas an McpServer runs, with the guide's defaults filled in: autoscaling from 3 to
 * 10 at 70 % CPU and 80 % memory, unless {@code spec.scaling.replicas} fixes the count or
 * autoscaling is switched off (then 3 fixed replicas).
 */
public record Scaling(
    boolean autoscaling,
    int replicas,
    int minReplicas,
    int maxReplicas,
    int targetCpuPercent,
    int targetMemoryPercent) {

  public static Scaling of(McpServer server) {
    ScalingSpec spec = server.getSpec() == null ? null : server.getSpec().scaling();
    AutoscalingSpec auto = spec == null ? null : spec.autoscaling();
    boolean fixed =
        (spec != null && spec.replicas() != null)
            || (auto != null && Boolean.FALSE.equals(auto.enabled()));
    int replicas = spec != null && spec.replicas() != null ? spec.replicas() : Defaults.REPLICAS;
    int min = or(auto == null ? null : auto.minReplicas(), Defaults.MIN_REPLICAS);
    // Without an explicit maximum, never let the default fall below a raised minimum.
    int max =
        auto != null && auto.maxReplicas() != null
            ? auto.maxReplicas()
            : Math.max(min, Defaults.MAX_REPLICAS);
    return new Scaling(
        !fixed,
        replicas,
        min,
        max,
        or(
            auto == null ? null : auto.targetCPUUtilizationPercentage(),
            Defaults.TARGET_CPU_PERCENT),
        or(
            auto == null ? null : auto.targetMemoryUtilizationPercentage(),
            Defaults.TARGET_MEMORY_PERCENT));
  }

  /** The fewest replicas that run when nothing is being disrupted. */
  public int fewestReplicas() {
    return autoscaling ? minReplicas : replicas;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
