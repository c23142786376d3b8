package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * How many replicas run. Without replicas, a HorizontalPodAutoscaler sizes the Deployment (the
 * guide's 3 to 10 at 70 % CPU / 80 % memory); with replicas, the count is fixed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.replicas) && has(self.autoscaling))",
    message = "set either replicas (a fixed count) or autoscaling, not both")
public record ScalingSpec(
    @Min(0) @Max(1000) @JsonPropertyDescription("A fixed replica count; turns autoscaling off.")
        Integer replicas,
    @JsonPropertyDescription("Autoscaling bounds and targets (on unless replicas is set).")
        AutoscalingSpec autoscaling,
    @JsonPropertyDescription(
            "The PodDisruptionBudget. Default: maxUnavailable 1 when more than one replica runs.")
        DisruptionBudgetSpec disruptionBudget) {

  /** HorizontalPodAutoscaler settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value =
          "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
      message = "minReplicas must not exceed maxReplicas")
  public record AutoscalingSpec(
      @JsonPropertyDescription("false turns autoscaling off (3 fixed replicas). Default: true.")
          Boolean enabled,
      @Min(1) @Max(1000) @JsonPropertyDescription("Fewest replicas. Default: 3.")
          Integer minReplicas,
      @Min(1) @Max(1000) @JsonPropertyDescription("Most replicas. Default: 10.")
          Integer maxReplicas,
      @Min(1)
          @Max(100)
          @JsonPropertyDescription("Average CPU utilization to aim for, in percent. Default: 70.")
          Integer targetCPUUtilizationPercentage,
      @Min(1)
          @Max(100)
          @JsonPropertyDescription(
              "Average memory utilization to aim for, in percent. Default: 80.")
          Integer targetMemoryUtilizationPercentage) {}

  /** PodDisruptionBudget settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "!(has(self.minAvailable) && has(self.maxUnavailable))",
      message = "set either minAvailable or maxUnavailable, not both")
  public record DisruptionBudgetSpec(
      @JsonPropertyDescription("false: no PodDisruptionBudget. Default: true.") Boolean enabled,
      @JsonPropertyDescription("Pods that must stay available (count or percentage).")
          IntOrString minAvailable,
      @JsonPropertyDescription("Pods that may be down at once (count or percentage). Default: 1.")
          IntOrString maxUnavailable) {}
}
