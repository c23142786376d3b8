package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperatorPermissionsTest {

  private static Map<String, List<String>> byResource(List<PolicyRule> rules) {
    return rules.stream()
        .collect(
            Collectors.toMap(
                r -> r.getApiGroups().get(0) + "/" + r.getResources().get(0),
                PolicyRule::getVerbs));
  }

  @Test
  void listsEveryManagedKindWithTheVerbsItsDependentUses() {
    var rules = byResource(OperatorPermissions.rules(OperatorConfig.defaults()));

    List<String> manage = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    assertThat(rules)
        .containsEntry("apps/deployments", manage)
        .containsEntry("/services", manage)
        .containsEntry("/serviceaccounts", manage)
        .containsEntry("autoscaling/horizontalpodautoscalers", manage)
        .containsEntry("policy/poddisruptionbudgets", manage)
        .containsEntry("networking.k8s.io/networkpolicies", manage)
        .containsEntry("monitoring.coreos.com/servicemonitors", manage)
        .containsEntry("/configmaps", manage);
  }

  @Test
  void readsMcpServersWritesTheirStatusAndWatchesWhatTheyReference() {
    var rules = byResource(OperatorPermissions.rules(OperatorConfig.defaults()));

    assertThat(rules)
        .containsEntry("mcpfleet.dev/mcpservers", List.of("get", "list", "watch"))
        .containsEntry("mcpfleet.dev/mcpservers/status", List.of("get", "update", "patch"))
        .containsEntry("/secrets", List.of("get", "list", "watch"))
        .containsEntry("/pods", List.of("get", "list", "watch"))
        .doesNotContainKey("coordination.k8s.io/leases");
  }

  @Test
  void recordsEventsAndCountsTheirRepeats() {
    var rules = byResource(OperatorPermissions.rules(OperatorConfig.defaults()));

    assertThat(rules).containsEntry("events.k8s.io/events", List.of("create", "patch"));
  }

  @Test
  void leaderElectionAddsLeases() {
    var config = OperatorConfig.fromEnvironment(Map.of("LEADER_ELECTION", "true"));

    assertThat(byResource(OperatorPermissions.rules(config)))
        .containsEntry("coordination.k8s.io/leases", List.of("get", "create", "update"));
  }

  @Test
  void everyDependentOfTheWorkflowIsCovered() {
    var rules = byResource(OperatorPermissions.rules(OperatorConfig.defaults()));

    assertThat(ManagedWorkflow.steps())
        .allSatisfy(
            step ->
                assertThat(rules)
                    .containsKey(
                        io.fabric8.kubernetes.api.model.HasMetadata.getGroup(step.resourceType())
                            + "/"
                            + io.fabric8.kubernetes.api.model.HasMetadata.getPlural(
                                step.resourceType())));
  }
}
