package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.junit.jupiter.api.Test;

class ServiceDependentResourceTest {

  @Test
  void serviceExposesPort8080OfTheServersPods() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    Service service = new ServiceDependentResource().desired(server, TestServers.inputs());

    assertThat(service.getMetadata().getName()).isEqualTo("hello");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector()).isEqualTo(ManagedLabels.selector(server));
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getPort()).isEqualTo(8080);
              assertThat(p.getTargetPort()).isEqualTo(new IntOrString(8080));
              assertThat(p.getProtocol()).isEqualTo("TCP");
            });
  }

  @Test
  void serviceAccountMountsNoToken() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    ServiceAccount account =
        new ServiceAccountDependentResource().desired(server, TestServers.inputs());

    assertThat(account.getMetadata().getName()).isEqualTo("hello");
    assertThat(account.getAutomountServiceAccountToken()).isFalse();
    assertThat(account.getMetadata().getLabels()).isEqualTo(ManagedLabels.of(server));
  }
}
