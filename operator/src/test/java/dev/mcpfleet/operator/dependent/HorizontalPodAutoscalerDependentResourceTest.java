package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.dependent.HorizontalPodAutoscalerDependentResource.AutoscalingEnabled;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerDependentResourceTest {

  private final HorizontalPodAutoscalerDependentResource dependent =
      new HorizontalPodAutoscalerDependentResource();

  @Test
  void autoscalerUsesTheGuidesBoundsAndTargets() {
    HorizontalPodAutoscaler hpa =
        dependent.desired(TestServers.parse(TestServers.HELLO), TestServers.inputs());

    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("hello");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    assertThat(hpa.getSpec().getMetrics())
        .extracting(
            MetricSpec::getType,
            m -> m.getResource().getName(),
            m -> m.getResource().getTarget().getType(),
            m -> m.getResource().getTarget().getAverageUtilization())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Resource", "cpu", "Utilization", 70),
            org.assertj.core.groups.Tuple.tuple("Resource", "memory", "Utilization", 80));
  }

  @Test
  void boundsAndTargetsAreOverridable() {
    McpServer server =
        TestServers.helloWith(
            """
            scaling:
              autoscaling:
                minReplicas: 2
                maxReplicas: 20
                targetCPUUtilizationPercentage: 50
                targetMemoryUtilizationPercentage: 60
            """);

    HorizontalPodAutoscaler hpa = dependent.desired(server, TestServers.inputs());

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
    assertThat(hpa.getSpec().getMetrics())
        .extracting(m -> m.getResource().getTarget().getAverageUtilization())
        .containsExactly(50, 60);
  }

  @Test
  void aRaisedMinimumRaisesTheDefaultMaximum() {
    McpServer server = TestServers.helloWith("scaling: {autoscaling: {minReplicas: 12}}");

    HorizontalPodAutoscaler hpa = dependent.desired(server, TestServers.inputs());

    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(12);
  }

  @Test
  void autoscalingIsOnByDefault() {
    assertThat(new AutoscalingEnabled().holds(TestServers.parse(TestServers.HELLO))).isTrue();
    assertThat(
            new AutoscalingEnabled().isMet(dependent, TestServers.parse(TestServers.HELLO), null))
        .isTrue();
  }

  @Test
  void aFixedReplicaCountTurnsAutoscalingOff() {
    assertThat(new AutoscalingEnabled().holds(TestServers.helloWith("scaling: {replicas: 4}")))
        .isFalse();
  }

  @Test
  void autoscalingCanBeSwitchedOff() {
    assertThat(
            new AutoscalingEnabled()
                .holds(TestServers.helloWith("scaling: {autoscaling: {enabled: false}}")))
        .isFalse();
  }
}
