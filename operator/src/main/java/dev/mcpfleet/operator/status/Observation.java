package dev.mcpfleet.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Collection;
import java.util.List;

/**
 * What the operator saw of an McpServer's workload in this reconciliation.
 *
 * @param deployment null while none exists
 * @param monitoringMissing a ServiceMonitor was asked for, but the monitoring API is not installed
 */
public record Observation(Deployment deployment, Collection<Pod> pods, boolean monitoringMissing) {

  public Observation {
    pods = List.copyOf(pods);
  }

  /** Nothing deployed yet. */
  public static Observation nothing() {
    return new Observation(null, List.of(), false);
  }
}
