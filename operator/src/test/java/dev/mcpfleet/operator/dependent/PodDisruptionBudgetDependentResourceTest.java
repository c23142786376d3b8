package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.dependent.PodDisruptionBudgetDependentResource.DisruptionBudgetWanted;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

class PodDisruptionBudgetDependentResourceTest {

  private final PodDisruptionBudgetDependentResource dependent =
      new PodDisruptionBudgetDependentResource();

  @Test
  void budgetAllowsOnePodDownByDefault() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    PodDisruptionBudget pdb = dependent.desired(server, TestServers.inputs());

    assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(pdb.getSpec().getMinAvailable()).isNull();
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(ManagedLabels.selector(server));
  }

  @Test
  void minAvailableReplacesTheDefaultMaxUnavailable() {
    McpServer server =
        TestServers.helloWith("scaling: {disruptionBudget: {minAvailable: \"50%\"}}");

    PodDisruptionBudget pdb = dependent.desired(server, TestServers.inputs());

    assertThat(pdb.getSpec().getMinAvailable()).isEqualTo(new IntOrString("50%"));
    assertThat(pdb.getSpec().getMaxUnavailable()).isNull();
  }

  @Test
  void maxUnavailableIsOverridable() {
    McpServer server = TestServers.helloWith("scaling: {disruptionBudget: {maxUnavailable: 2}}");

    assertThat(dependent.desired(server, TestServers.inputs()).getSpec().getMaxUnavailable())
        .isEqualTo(new IntOrString(2));
  }

  @Test
  void budgetIsWantedForSeveralReplicas() {
    assertThat(new DisruptionBudgetWanted().holds(TestServers.parse(TestServers.HELLO))).isTrue();
    assertThat(new DisruptionBudgetWanted().holds(TestServers.helloWith("scaling: {replicas: 2}")))
        .isTrue();
  }

  @Test
  void noBudgetForASingleReplicaBecauseItWouldBlockNodeDrains() {
    assertThat(new DisruptionBudgetWanted().holds(TestServers.helloWith("scaling: {replicas: 1}")))
        .isFalse();
    assertThat(
            new DisruptionBudgetWanted()
                .holds(TestServers.helloWith("scaling: {autoscaling: {minReplicas: 1}}")))
        .isFalse();
  }

  @Test
  void budgetCanBeSwitchedOff() {
    assertThat(
            new DisruptionBudgetWanted()
                .holds(TestServers.helloWith("scaling: {disruptionBudget: {enabled: false}}")))
        .isFalse();
    assertThat(
            new DisruptionBudgetWanted()
                .isMet(
                    dependent,
                    TestServers.helloWith("scaling: {disruptionBudget: {enabled: false}}"),
                    null))
        .isFalse();
  }
}
