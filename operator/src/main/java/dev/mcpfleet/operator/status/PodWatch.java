package dev.mcpfleet.operator.status;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;

/**
 * Watches the runtime pods (read only), so problems the Deployment does not report, such as an
 * image that cannot be pulled, reach the McpServer's status. Pods have no owner reference to the
 * McpServer; they are mapped back through the managed labels.
 */
public final class PodWatch {

  public static final String NAME = "pods";

  private PodWatch() {}

  public static InformerEventSource<Pod, McpServer> eventSource(
      EventSourceContext<McpServer> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, McpServer.class)
            .withName(NAME)
            .withLabelSelector(ManagedLabels.SELECTOR)
            .withSecondaryToPrimaryMapper(
                pod -> ManagedLabels.owner(pod).map(Set::of).orElse(Set.of()))
            .build(),
        context);
  }
}
