package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.NetworkSpec;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.ArrayList;
import java.util.List;

/**
 * The network layer of the guide's defense in depth: by default only pods of the same namespace
 * reach port 8080; egress is restricted when {@code spec.network.egress} is set (see {@link
 * EgressRules}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class NetworkPolicyDependentResource extends McpServerDependentResource<NetworkPolicy> {

  public static final String NAME = "networkpolicy";

  public NetworkPolicyDependentResource() {
    super(NetworkPolicy.class);
  }

  @Override
  public NetworkPolicy desired(McpServer server, RenderInputs inputs) {
    NetworkSpec network = network(server);
    NetworkSpec.EgressSpec egress = network == null ? null : network.egress();
    List<String> types = egress == null ? List.of("Ingress") : List.of("Ingress", "Egress");
    return new NetworkPolicyBuilder()
        .withMetadata(metadata(server))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(ManagedLabels.selector(server))
        .endPodSelector()
        .withPolicyTypes(types)
        .withIngress(ingress(network == null ? null : network.ingress()))
        .withEgress(egress == null ? List.of() : EgressRules.of(egress))
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule ingress(NetworkSpec.IngressSpec spec) {
    NetworkPolicyPort port =
        new NetworkPolicyPortBuilder()
            .withProtocol("TCP")
            .withPort(new IntOrString(Defaults.PORT))
            .build();
    var rule = new NetworkPolicyIngressRuleBuilder().withPorts(port);
    if (spec != null && Boolean.TRUE.equals(spec.allowAll())) {
      return rule.build();
    }
    List<NetworkPolicyPeer> from = new ArrayList<>();
    from.add(new NetworkPolicyPeerBuilder().withNewPodSelector().endPodSelector().build());
    if (spec != null && spec.allowFrom() != null) {
      for (NetworkSpec.Peer peer : spec.allowFrom()) {
        from.add(
            new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(peer.namespaceSelector())
                .withPodSelector(peer.podSelector())
                .build());
      }
    }
    return rule.withFrom(from).build();
  }

  private static NetworkSpec network(McpServer server) {
    return server.getSpec() == null ? null : server.getSpec().network();
  }

  /** A NetworkPolicy unless {@code spec.network.enabled} is false. */
  public static class NetworkPolicyWanted extends SpecCondition<NetworkPolicy> {

    @Override
    public boolean holds(McpServer server) {
      NetworkSpec network = network(server);
      return network == null || !Boolean.FALSE.equals(network.enabled());
    }
  }
}
