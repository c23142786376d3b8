package dev.mcpfleet.bench.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FleetTest {

  private final Fleet fleet =
      new Fleet(Path.of("../../samples/hello.yaml").toAbsolutePath().normalize(), 25, 10);

  @Test
  void serversAreSpreadEvenlyOverTheNamespaces() {
    assertThat(fleet.servers())
        .hasSize(25)
        .extracting(s -> s.getMetadata().getNamespace())
        .containsOnly(
            "team-0", "team-1", "team-2", "team-3", "team-4", "team-5", "team-6", "team-7",
            "team-8", "team-9");
    assertThat(fleet.server(13).getMetadata().getName()).isEqualTo("mcp-13");
    assertThat(fleet.server(13).getMetadata().getNamespace()).isEqualTo("team-3");
  }

  @Test
  void childrenAreWhatTheOperatorMakesOnAnApiServerWithoutMonitoring() {
    assertThat(fleet.childKinds())
        .extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder(
            "ConfigMap",
            "ServiceAccount",
            "Service",
            "Deployment",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy");
  }
}
