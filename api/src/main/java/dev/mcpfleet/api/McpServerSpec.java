package dev.mcpfleet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpfleet.api.spec.NetworkSpec;
import dev.mcpfleet.api.spec.ObservabilitySpec;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.api.spec.ResilienceSpec;
import dev.mcpfleet.api.spec.ScalingSpec;
import dev.mcpfleet.api.spec.SecuritySpec;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import io.fabric8.generator.annotation.ValidationRule;

/** The desired state of an {@link McpServer}: one record per section. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.server) != has(self.upstream)",
    message =
        "set exactly one of spec.server (tools declared in this manifest) or spec.upstream"
            + " (an existing MCP server to front)")
public record McpServerSpec(
    @JsonPropertyDescription(
            "What MCP clients see: the server's name, version, instructions, tools, resources and"
                + " prompts, declared in this manifest. Exactly one of server or upstream.")
        ServerSpec server,
    @JsonPropertyDescription(
            "An existing MCP server (npm/PyPI stdio package, stdio command, or HTTP image) that the"
                + " runtime fronts, adding every layer of this spec. Exactly one of server or"
                + " upstream.")
        UpstreamSpec upstream,
    @JsonPropertyDescription(
            "Who may call the server and what they may use: authentication, per-tool"
                + " authorization, rate limits, output sanitization and audit.")
        SecuritySpec security,
    @JsonPropertyDescription(
            "How calls survive failing dependencies: timeout, circuit breaker, cache and retries.")
        ResilienceSpec resilience,
    @JsonPropertyDescription(
            "How many replicas run: a fixed count, or autoscaling (the default), and the"
                + " disruption budget.")
        ScalingSpec scaling,
    @JsonPropertyDescription(
            "How the pods run: image, resources, environment, probes, scheduling and metadata.")
        PodOptionsSpec pod,
    @JsonPropertyDescription(
            "Who may connect to the server (ingress) and which hosts its tools may reach (egress).")
        NetworkSpec network,
    @JsonPropertyDescription("Logs, metrics and the Prometheus ServiceMonitor.")
        ObservabilitySpec observability) {}
