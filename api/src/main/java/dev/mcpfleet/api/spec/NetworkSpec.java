package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
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
  @ValidationRule(
      value =
          "!has(self.allowedHosts) || self.allowedHosts.all(h,"
              + " h.matches('^(\\\\*\\\\.)?[A-Za-z0-9.-]+$'))",
      message = "allowedHosts take host names such as api.example.com or *.example.com")
  @ValidationRule(
      value = "!has(self.ports) || self.ports.all(p, p >= 1 && p <= 65535)",
      message = "ports must be between 1 and 65535")
  public record EgressSpec(
      @Size(max = 128)
          @JsonPropertyDescription(
              "Host names that HTTP tools may call (exact, or *.example.com); the runtime refuses"
                  + " any other host.")
          List<String> allowedHosts,
      @Size(max = 128)
          @JsonPropertyDescription(
              "IP ranges the pods may reach (NetworkPolicy cannot match host names). Default:"
                  + " 0.0.0.0/0 and ::/0 when allowedHosts is set.")
          List<String> allowedCidrs,
      @Size(max = 32) @JsonPropertyDescription("TCP ports the pods may reach. Default: 443.")
          List<Integer> ports) {}
}
