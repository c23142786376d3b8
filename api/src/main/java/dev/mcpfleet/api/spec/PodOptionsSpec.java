package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;

/**
 * How the server's pods run. Every field defaults to the guide's production template; set one to
 * override just that value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodOptionsSpec(
    @Size(max = 512)
        @JsonPropertyDescription(
            "The runtime image. Default: the operator's runtime image (a derived image adds SPI"
                + " tools or upstream commands).")
        String image,
    @JsonPropertyDescription("Always, IfNotPresent or Never. Default: IfNotPresent.")
        PullPolicy imagePullPolicy,
    @JsonPropertyDescription("Secrets for pulling a private image.")
        List<LocalObjectReference> imagePullSecrets,
    @JsonPropertyDescription(
            "Container resources. Default: requests cpu 250m / memory 256Mi, limits cpu 500m /"
                + " memory 512Mi.")
        ResourceRequirements resources,
    @JsonPropertyDescription(
            "Extra environment variables; secretKeyRef and configMapKeyRef values roll the pods"
                + " when their data changes. MCP_-prefixed names override settings of the spec.")
        List<EnvVar> env,
    @JsonPropertyDescription("Environment variables from whole Secrets or ConfigMaps.")
        List<EnvFromSource> envFrom,
    @JsonPropertyDescription("Liveness probe timing. Default: GET /health, delay 30s, every 10s.")
        ProbeSpec livenessProbe,
    @JsonPropertyDescription("Readiness probe timing. Default: GET /ready, delay 5s, every 5s.")
        ProbeSpec readinessProbe,
    @JsonPropertyDescription("Rolling update bounds. Default: maxUnavailable 1, maxSurge 1.")
        RolloutSpec rollout,
    @Min(0)
        @Max(3600)
        @JsonPropertyDescription(
            "Seconds a pod has to finish in-flight calls when stopped. Default: 30.")
        Long terminationGracePeriodSeconds,
    @JsonPropertyDescription("Node labels the pods must run on.") Map<String, String> nodeSelector,
    @JsonPropertyDescription("Taints the pods tolerate.") List<Toleration> tolerations,
    @JsonPropertyDescription("Node and pod affinity rules.") Affinity affinity,
    @JsonPropertyDescription("How the pods spread across zones and nodes.")
        List<TopologySpreadConstraint> topologySpreadConstraints,
    @Size(max = 253) @JsonPropertyDescription("The pods' PriorityClass.") String priorityClassName,
    @JsonPropertyDescription("Extra annotations on the pods.") Map<String, String> annotations,
    @JsonPropertyDescription(
            "Extra labels on the pods (the operator's own labels cannot be overridden).")
        Map<String, String> labels) {

  /** Image pull policies. */
  public enum PullPolicy {
    Always,
    IfNotPresent,
    Never
  }

  /** Probe timing; the probe paths and port belong to the runtime and are fixed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProbeSpec(
      @Min(0) @Max(3600) @JsonPropertyDescription("Seconds before the first probe.")
          Integer initialDelaySeconds,
      @Min(1) @Max(3600) @JsonPropertyDescription("Seconds between probes.") Integer periodSeconds,
      @Min(1) @Max(3600) @JsonPropertyDescription("Seconds a probe may take. Default: 1.")
          Integer timeoutSeconds,
      @Min(1)
          @Max(100)
          @JsonPropertyDescription("Failures in a row that count as failed. Default: 3.")
          Integer failureThreshold) {}

  /** RollingUpdate bounds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RolloutSpec(
      @JsonProperty("maxUnavailable")
          @JsonPropertyDescription("Pods that may be unavailable during a rollout. Default: 1.")
          IntOrString maxUnavailable,
      @JsonPropertyDescription("Extra pods a rollout may start. Default: 1.")
          IntOrString maxSurge) {}
}
