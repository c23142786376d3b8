package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.mcpfleet.e2e.support.Fleet;
import dev.mcpfleet.operator.testing.KubeLocal;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `helm install` and `helm upgrade` of the chart on a real API server (skipped where none is
 * available): the API server accepts every object, the CRD becomes Established, the operator's
 * ServiceAccount may do what the operator does and nothing more, and an upgrade updates the CRD.
 */
@ExtendWith(KubeLocal.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartOnApiServerTest {

  static final String CRD = "mcpservers.mcpfleet.dev";
  static final String OPERATOR = "system:serviceaccount:mcp-system:fleet-mcp-fleet";

  // Namespaced mode with two replicas: Roles in team-a only, and leader election.
  static final String VALUES = "watchNamespaces: [team-a]\nreplicaCount: 2\n";

  KubernetesClient client;
  Path kubeconfig;
  Path values;

  @BeforeAll
  void installChart(KubeLocal.ControlPlane plane) throws IOException {
    client = new KubernetesClientBuilder().withConfig(plane.config()).build();
    kubeconfig = plane.kubeconfig();
    for (String namespace : new String[] {"team-a", "team-b"}) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .serverSideApply();
    }

    values = Files.createTempFile("mcp-fleet-values-", ".yaml");
    Files.writeString(values, VALUES);
    Release release =
        Helm.install(HelmChart.dir().toString())
            .withName(HelmChart.RELEASE)
            .withNamespace(HelmChart.NAMESPACE)
            .createNamespace()
            .withKubeConfig(kubeconfig)
            .withValuesFile(values)
            .call();

    assertThat(release.getStatus()).isEqualTo("deployed");
  }

  @AfterAll
  void uninstallAndCloseClient() throws IOException {
    // The CRD stays (resource-policy keep), so the next test can install the release again.
    Helm.uninstall(HelmChart.RELEASE)
        .withNamespace(HelmChart.NAMESPACE)
        .withKubeConfig(kubeconfig)
        .call();
    if (values != null) {
      Files.deleteIfExists(values);
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void crdBecomesEstablished() {
    CustomResourceDefinition crd = Fleet.awaitCrdEstablished(client);

    assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
  }

  @Test
  void operatorMayManageMcpServersAndTheirObjectsInAWatchedNamespace() {
    awaitAllowed("team-a", "mcpfleet.dev", "mcpservers", "watch");
    awaitAllowed("team-a", "mcpfleet.dev", "mcpservers/status", "patch");
    awaitAllowed("team-a", "apps", "deployments", "create");
    awaitAllowed("team-a", "", "secrets", "get");
  }

  @Test
  void operatorMayDoNothingOutsideTheWatchedNamespaces() {
    assertThat(allowed("team-b", "mcpfleet.dev", "mcpservers", "list")).isFalse();
    assertThat(allowed("kube-system", "", "secrets", "get")).isFalse();
    assertThat(allowed(null, "mcpfleet.dev", "mcpservers", "list")).isFalse();
  }

  @Test
  void operatorMayNotChangeWhatUsersOwn() {
    assertThat(allowed("team-a", "mcpfleet.dev", "mcpservers", "delete")).isFalse();
    assertThat(allowed("team-a", "", "secrets", "update")).isFalse();
    assertThat(allowed("team-a", "", "pods", "create")).isFalse();
  }

  @Test
  void leaderElectionMayUseItsLeaseInTheReleaseNamespace() {
    awaitAllowed(HelmChart.NAMESPACE, "coordination.k8s.io", "leases", "update");
    assertThat(allowed("team-a", "coordination.k8s.io", "leases", "update")).isFalse();
  }

  @Test
  void upgradeUpdatesTheCrd(@TempDir Path copy) throws IOException {
    Path chart = copyChart(copy);
    Path crdFile = chart.resolve("files/" + ChartCrdTest.CRD_FILE);
    CustomResourceDefinition next =
        client
            .getKubernetesSerialization()
            .unmarshal(Files.readString(crdFile), CustomResourceDefinition.class);
    next.getSpec()
        .getVersions()
        .getFirst()
        .getSchema()
        .getOpenAPIV3Schema()
        .setDescription("The next version's schema.");
    Files.writeString(crdFile, client.getKubernetesSerialization().asYaml(next));

    Release upgraded =
        Helm.upgrade(chart.toString())
            .withName(HelmChart.RELEASE)
            .withNamespace(HelmChart.NAMESPACE)
            .withKubeConfig(kubeconfig)
            .withValuesFile(values)
            .call();

    assertThat(upgraded.getStatus()).isEqualTo("deployed");
    CustomResourceDefinition live =
        client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
    assertThat(
            live.getSpec()
                .getVersions()
                .getFirst()
                .getSchema()
                .getOpenAPIV3Schema()
                .getDescription())
        .isEqualTo("The next version's schema.");
  }

  /**
   * The API server authorizes from a cache of the (Cluster)Roles, which lags behind `helm install`
   * by a moment: a right the chart grants is awaited, not expected at once.
   */
  private void awaitAllowed(String namespace, String group, String resource, String verb) {
    await()
        .atMost(Fleet.WAIT)
        .alias("%s may %s %s/%s in %s".formatted(OPERATOR, verb, group, resource, namespace))
        .until(() -> allowed(namespace, group, resource, verb));
  }

  private boolean allowed(String namespace, String group, String resource, String verb) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(OPERATOR)
            .withGroups("system:serviceaccounts", "system:serviceaccounts:" + HelmChart.NAMESPACE)
            .withNewResourceAttributes()
            .withNamespace(namespace)
            .withGroup(group)
            .withResource(parts[0])
            .withSubresource(parts.length > 1 ? parts[1] : null)
            .withVerb(verb)
            .endResourceAttributes()
            .endSpec()
            .build();
    return client
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(review)
        .getStatus()
        .getAllowed();
  }

  private static Path copyChart(Path target) throws IOException {
    try (var files = Files.walk(HelmChart.dir())) {
      for (Path source : files.toList()) {
        Path destination = target.resolve(HelmChart.dir().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    return target;
  }
}
