package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.e2e.support.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cluster-wide mode (no watchNamespaces) binds a ClusterRole; namespaced mode binds a Role in each
 * watched namespace and grants nothing cluster-wide.
 */
class ChartRbacModesTest {

  static final String FULLNAME = HelmChart.RELEASE + "-mcp-fleet";

  @Test
  void clusterWideModeBindsOneClusterRoleToTheOperatorsServiceAccount() {
    RenderedChart chart = HelmChart.render("{}");

    ClusterRole role = chart.one(ClusterRole.class);
    ClusterRoleBinding binding = chart.one(ClusterRoleBinding.class);
    ServiceAccount account = chart.one(ServiceAccount.class);

    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).containsExactly(subject(account));
    assertThat(chart.all(Role.class)).as("no Role without leader election").isEmpty();
    assertThat(chart.all(RoleBinding.class)).isEmpty();
  }

  @Test
  void namespacedModeGrantsNothingClusterWide() {
    RenderedChart chart = HelmChart.render("watchNamespaces: [team-a, team-b]");

    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(clusterScoped(chart.objects()))
        .as("the CRD is the only cluster-scoped object (crds.install=false drops it)")
        .extracting(HasMetadata::getKind)
        .containsExactly("CustomResourceDefinition");
  }

  @Test
  void namespacedModeBindsARoleInEveryWatchedNamespaceWithTheClusterRolesRules() {
    RenderedChart namespaced = HelmChart.render("watchNamespaces: [team-a, team-b]");
    ClusterRole clusterWide = HelmChart.render("{}").one(ClusterRole.class);
    ServiceAccount account = namespaced.one(ServiceAccount.class);

    assertThat(namespaced.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactly("team-a", "team-b");
    assertThat(namespaced.all(Role.class))
        .allSatisfy(r -> assertThat(r.getRules()).isEqualTo(clusterWide.getRules()));
    assertThat(namespaced.all(RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactly("team-a", "team-b");
    assertThat(namespaced.all(RoleBinding.class))
        .allSatisfy(
            b -> {
              assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
              assertThat(b.getRoleRef().getName()).isEqualTo(FULLNAME);
              assertThat(b.getSubjects()).containsExactly(subject(account));
            });
  }

  @Test
  void teamSampleValuesLetTheOperatorReconcileTheTeamSample() throws Exception {
    String values = Files.readString(Samples.dir().resolve("helm/team-a-values.yaml"));
    String teamNamespace =
        ManifestReader.read(Samples.named("team-a.yaml")).getMetadata().getNamespace();

    RenderedChart chart = HelmChart.render(values);

    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace())
        .contains(teamNamespace);
  }

  @Test
  void leaderElectionGetsOnlyTheLeaseInTheReleaseNamespace() {
    RenderedChart chart = HelmChart.render("replicaCount: 2");

    Role lease = chart.one(Role.class);
    RoleBinding binding = chart.one(RoleBinding.class);

    assertThat(lease.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    assertThat(lease.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
              assertThat(rule.getResources()).containsExactly("leases");
              assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update");
            });
    assertThat(binding.getRoleRef().getName()).isEqualTo(lease.getMetadata().getName());
    assertThat(binding.getSubjects()).containsExactly(subject(chart.one(ServiceAccount.class)));
  }

  @Test
  void anExistingServiceAccountCanBeBoundInsteadOfACreatedOne() {
    RenderedChart chart =
        HelmChart.render("serviceAccount: {create: false, name: platform-operators}");

    assertThat(chart.all(ServiceAccount.class)).isEmpty();
    assertThat(chart.one(ClusterRoleBinding.class).getSubjects())
        .extracting(Subject::getName)
        .containsExactly("platform-operators");
  }

  @Test
  void rbacCanBeManagedOutsideTheChart() {
    RenderedChart chart = HelmChart.render("rbac: {create: false}\nreplicaCount: 2");

    assertThat(chart.kinds())
        .doesNotContain("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
  }

  private static Subject subject(ServiceAccount account) {
    return new Subject(
        null,
        "ServiceAccount",
        account.getMetadata().getName(),
        account.getMetadata().getNamespace());
  }

  private static List<HasMetadata> clusterScoped(List<HasMetadata> objects) {
    return objects.stream().filter(o -> o.getMetadata().getNamespace() == null).toList();
  }
}
