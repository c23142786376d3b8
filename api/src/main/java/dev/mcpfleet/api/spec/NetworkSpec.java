package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** The NetworkPolicy around the server's pods, and the hosts its tools may call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkSpec(
    @JsonPropertyDescription("false: no NetworkPolicy at all. Default: true.") Boolean enabled,
    @JsonPropertyDescription(
            "Who may connect to port 8080. Default: pods in the same namespace only.")
        IngressSpec ingress,
    @JsonPropertyDescription(
            "Where the pods may connect. Default: unrestricted; when set, only DNS and the"
                + " listed destinations.")
        EgressSpec egress) {

  /** Allowed callers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IngressSpec(
      @JsonPropertyDescription("Allow connections from anywhere (e.g. behind an ingress gateway).")
          Boolean allowAll,
      @Size(max = 64)
          @JsonPropertyDescription(
              "Pods allowed to connect, by namespace and/or pod labels, in addition to the same"
                  + " namespace.")
          List<Peer> allowFrom) {}

  /** A set of pods, as in a NetworkPolicy peer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Peer(
      @JsonPropertyDescription("Namespaces whose pods match (with podSelector, if given).")
          LabelSelector namespaceSelector,
      @JsonPropertyDescription(
              "Pods that match (in the McpServer's namespace, unless"
                  + " namespaceSelector is given).")
          LabelSelector podSelector) {}

  /** Allowed destinations. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EgressSpec(
      @Size(max = 128)
          @JsonPropertyDescription(
              "Host names that HTTP tools may call (exact, or *.example.com); the runtime refuses"
                  + " any other host.")
          List<@Size(min = 1, max = 253) @Pattern("^(\\*\\.)?[A-Za-z0-9.-]+$") String> allowedHosts,
      @Size(max = 128)
          @JsonPropertyDescription(
              "IP ranges the pods may reach (NetworkPolicy cannot match host names). Default:"
                  + " 0.0.0.0/0 and ::/0 when allowedHosts is set.")
          List<@Size(min = 1, max = 64) String> allowedCidrs,
      @Size(max = 32) @JsonPropertyDescription("TCP ports the pods may reach. Default: 443.")
          List<@Min(1) @Max(65535) Integer> ports) {}
}
