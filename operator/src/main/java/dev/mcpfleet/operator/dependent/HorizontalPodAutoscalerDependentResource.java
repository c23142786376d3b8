package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Sizes the Deployment between min and max replicas on CPU and memory (guide: 3..10 at 70 % / 80
 * %). While it exists, the HPA alone owns the Deployment's spec.replicas.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class HorizontalPodAutoscalerDependentResource
    extends McpServerDependentResource<HorizontalPodAutoscaler> {

  public static final String NAME = "horizontalpodautoscaler";

  public HorizontalPodAutoscalerDependentResource() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  public HorizontalPodAutoscaler desired(McpServer server, RenderInputs inputs) {
    Scaling scaling = Scaling.of(server);
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(metadata(server))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(server.getMetadata().getName())
        .endScaleTargetRef()
        .withMinReplicas(scaling.minReplicas())
        .withMaxReplicas(scaling.maxReplicas())
        .withMetrics(
            utilization("cpu", scaling.targetCpuPercent()),
            utilization("memory", scaling.targetMemoryPercent()))
        .endSpec()
        .build();
  }

  private static MetricSpec utilization(String resource, int percent) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(resource)
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(percent)
        .endTarget()
        .endResource()
        .build();
  }

  /** Autoscaling is on unless a fixed replica count is set or it is switched off. */
  public static class AutoscalingEnabled extends SpecCondition<HorizontalPodAutoscaler> {

    @Override
    public boolean holds(McpServer server) {
      return Scaling.of(server).autoscaling();
    }
  }
}
