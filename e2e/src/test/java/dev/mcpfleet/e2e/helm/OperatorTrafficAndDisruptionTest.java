package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's metrics Service, PodDisruptionBudget and NetworkPolicy. */
class OperatorTrafficAndDisruptionTest {

  final RenderedChart chart = HelmChart.render("{}");
  final Map<String, String> podLabels =
      chart.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();

  @Test
  void metricsServiceSelectsTheOperatorPodsOnTheirHttpPort() {
    Service service = chart.one(Service.class);

    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http-metrics");
              assertThat(port.getPort()).isEqualTo(8080);
              assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
            });
  }

  @Test
  void disruptionBudgetLetsOneOperatorPodGoAtATime() {
    PodDisruptionBudget budget = chart.one(PodDisruptionBudget.class);

    assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(budget.getSpec().getMinAvailable()).isNull();
    assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void networkPolicyLetsInOnlyProbesAndScrapesAndLetsOutOnlyDnsAndTheApiServer() {
    NetworkPolicy policy = chart.one(NetworkPolicy.class);

    assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(NetworkPolicyPort::getPort)
                    .containsExactly(new IntOrString("http")));
    assertThat(policy.getSpec().getEgress())
        .flatExtracting(rule -> rule.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactlyInAnyOrder(53, 53, 443, 6443);
  }

  @Test
  void scrapersCanBeNarrowedToPrometheus() {
    NetworkPolicy policy =
        HelmChart.render(
                """
                networkPolicy:
                  metricsFrom:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                """)
            .one(NetworkPolicy.class);

    assertThat(policy.getSpec().getIngress().getFirst().getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
  }

  @Test
  void networkPolicyAndDisruptionBudgetCanBeTurnedOff() {
    RenderedChart bare =
        HelmChart.render("networkPolicy: {enabled: false}\npodDisruptionBudget: {enabled: false}");

    assertThat(bare.all(NetworkPolicy.class)).isEmpty();
    assertThat(bare.all(PodDisruptionBudget.class)).isEmpty();
  }
}
