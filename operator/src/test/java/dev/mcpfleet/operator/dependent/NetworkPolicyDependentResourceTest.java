package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.dependent.NetworkPolicyDependentResource.NetworkPolicyWanted;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;

class NetworkPolicyDependentResourceTest {

  private final NetworkPolicyDependentResource dependent = new NetworkPolicyDependentResource();

  @Test
  void onlyPodsOfTheSameNamespaceReachPort8080ByDefault() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    NetworkPolicy policy = dependent.desired(server, TestServers.inputs());

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(ManagedLabels.selector(server));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort()).isEqualTo(new IntOrString(8080)));
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(
                      peer -> {
                        assertThat(peer.getPodSelector()).isNotNull();
                        assertThat(peer.getPodSelector().getMatchLabels()).isEmpty();
                        assertThat(peer.getNamespaceSelector()).isNull();
                      });
            });
    assertThat(policy.getSpec().getEgress()).isEmpty();
  }

  @Test
  void allowFromAddsPeersBesideTheNamespace() {
    McpServer server =
        TestServers.helloWith(
            """
            network:
              ingress:
                allowFrom:
                  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
            """);

    NetworkPolicy policy = dependent.desired(server, TestServers.inputs());

    assertThat(policy.getSpec().getIngress().get(0).getFrom())
        .extracting(NetworkPolicyPeer::getNamespaceSelector)
        .satisfiesExactly(
            same -> assertThat(same).isNull(),
            monitoring ->
                assertThat(monitoring.getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
  }

  @Test
  void allowAllOpensThePortToEveryone() {
    McpServer server = TestServers.helloWith("network: {ingress: {allowAll: true}}");

    NetworkPolicy policy = dependent.desired(server, TestServers.inputs());

    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(r -> assertThat(r.getFrom()).isEmpty());
  }

  @Test
  void egressAllowsDnsAndTheListedDestinationsOnly() {
    McpServer server =
        TestServers.helloWith(
            "network: {egress: {allowedHosts: [api.example.com], allowedCidrs: [203.0.113.0/24]}}");

    NetworkPolicy policy = dependent.desired(server, TestServers.inputs());

    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress()).hasSize(2);
    var dns = policy.getSpec().getEgress().get(0);
    assertThat(dns.getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("UDP/53", "TCP/53");
    var destinations = policy.getSpec().getEgress().get(1);
    assertThat(destinations.getTo())
        .extracting(p -> p.getIpBlock().getCidr())
        .containsExactly("203.0.113.0/24");
    assertThat(destinations.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactly(443);
  }

  @Test
  void egressWithoutRangesAllowsAnyAddressOnTheListedPorts() {
    McpServer server =
        TestServers.helloWith(
            "network: {egress: {allowedHosts: [api.example.com], ports: [443, 8443]}}");

    var destinations = dependent.desired(server, TestServers.inputs()).getSpec().getEgress().get(1);

    assertThat(destinations.getTo())
        .extracting(p -> p.getIpBlock().getCidr())
        .containsExactly("0.0.0.0/0", "::/0");
    assertThat(destinations.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactly(443, 8443);
  }

  @Test
  void policyIsWantedUnlessSwitchedOff() {
    assertThat(new NetworkPolicyWanted().holds(TestServers.parse(TestServers.HELLO))).isTrue();
    assertThat(new NetworkPolicyWanted().holds(TestServers.helloWith("network: {enabled: false}")))
        .isFalse();
    assertThat(
            new NetworkPolicyWanted().isMet(dependent, TestServers.parse(TestServers.HELLO), null))
        .isTrue();
  }
}
