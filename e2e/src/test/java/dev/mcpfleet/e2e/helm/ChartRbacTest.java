package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.OperatorEnvironment;
import dev.mcpfleet.operator.OperatorPermissions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege: in every mode the chart grants the operator's ServiceAccount exactly the rights
 * the operator's code says it uses (OperatorPermissions, derived from its dependents and watches),
 * for the configuration the chart gives it.
 */
class ChartRbacTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{}",
        "replicaCount: 2",
        "watchNamespaces: [team-a, team-b]",
        "watchNamespaces: [team-a]\nreplicaCount: 3"
      })
  void chartGrantsExactlyWhatTheOperatorUses(String values) {
    RenderedChart chart = HelmChart.render(values);
    Set<String> operatorUses =
        triples(
            OperatorPermissions.rules(OperatorEnvironment.configOf(chart.one(Deployment.class))));
    Set<String> lease =
        chart.all(Role.class).stream()
            .filter(ChartRbacTest::isLeaseRole)
            .flatMap(r -> triples(r.getRules()).stream())
            .collect(Collectors.toCollection(TreeSet::new));

    // One set of rights per place the operator works: cluster-wide, or each watched namespace.
    List<Set<String>> granted = new ArrayList<>();
    chart.all(ClusterRole.class).forEach(r -> granted.add(union(triples(r.getRules()), lease)));
    chart.all(Role.class).stream()
        .filter(r -> !isLeaseRole(r))
        .forEach(r -> granted.add(union(triples(r.getRules()), lease)));

    assertThat(granted)
        .isNotEmpty()
        .allSatisfy(rights -> assertThat(rights).isEqualTo(operatorUses));
  }

  private static boolean isLeaseRole(Role role) {
    return role.getMetadata().getName().endsWith("-leader-election");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Rules as "group/resource verb" strings, so that grouping and order do not matter. */
  static Set<String> triples(Collection<PolicyRule> rules) {
    Set<String> triples = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            triples.add(group + "/" + resource + " " + verb);
          }
        }
      }
    }
    return triples;
  }
}
