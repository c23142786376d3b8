package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.spec.NetworkSpec.EgressSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.List;

/**
 * Egress when {@code spec.network.egress} is set: DNS anywhere (names must resolve), and the listed
 * IP ranges on the listed ports (default: any address, port 443). NetworkPolicy cannot match host
 * names; the runtime enforces {@code allowedHosts} itself.
 */
final class EgressRules {

  static final int DNS_PORT = 53;
  static final int HTTPS_PORT = 443;

  private EgressRules() {}

  static List<NetworkPolicyEgressRule> of(EgressSpec egress) {
    NetworkPolicyEgressRule dns =
        new NetworkPolicyEgressRuleBuilder()
            .withPorts(port("UDP", DNS_PORT), port("TCP", DNS_PORT))
            .build();
    List<String> cidrs =
        egress.allowedCidrs() == null || egress.allowedCidrs().isEmpty()
            ? List.of("0.0.0.0/0", "::/0")
            : egress.allowedCidrs();
    List<Integer> ports =
        egress.ports() == null || egress.ports().isEmpty() ? List.of(HTTPS_PORT) : egress.ports();
    NetworkPolicyEgressRule destinations =
        new NetworkPolicyEgressRuleBuilder()
            .withTo(cidrs.stream().map(EgressRules::block).toList())
            .withPorts(ports.stream().map(p -> port("TCP", p)).toList())
            .build();
    return List.of(dns, destinations);
  }

  private static NetworkPolicyPeer block(String cidr) {
    return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build();
  }

  private static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .build();
  }
}
