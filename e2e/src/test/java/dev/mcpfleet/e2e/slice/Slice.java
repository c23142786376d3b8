package dev.mcpfleet.e2e.slice;

import dev.mcpfleet.e2e.helm.HelmChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;

/** The chart's objects that the slice installs before the operator runs. */
final class Slice {

  private Slice() {}

  /** The chart with its default values (cluster-wide mode). */
  static List<HasMetadata> chart() {
    return HelmChart.render("{}").objects();
  }

  /** The CRD first, then the ServiceAccount and its (Cluster)Roles and bindings. */
  static List<HasMetadata> crdAndRbac(List<HasMetadata> chart) {
    List<Class<?>> order =
        List.of(
            CustomResourceDefinition.class,
            ServiceAccount.class,
            ClusterRole.class,
            ClusterRoleBinding.class,
            Role.class,
            RoleBinding.class);
    return order.stream().flatMap(type -> chart.stream().filter(type::isInstance)).toList();
  }

  static Deployment operatorDeployment(List<HasMetadata> chart) {
    return chart.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
