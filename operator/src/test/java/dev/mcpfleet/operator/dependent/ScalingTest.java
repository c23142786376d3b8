package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.operator.TestServers;
import org.junit.jupiter.api.Test;

class ScalingTest {

  @Test
  void defaultsAreTheGuidesAutoscaling() {
    Scaling scaling = Scaling.of(TestServers.parse(TestServers.HELLO));

    assertThat(scaling).isEqualTo(new Scaling(true, 3, 3, 10, 70, 80));
    assertThat(scaling.fewestReplicas()).isEqualTo(3);
  }

  @Test
  void fixedReplicasAreTheFewestReplicas() {
    Scaling scaling = Scaling.of(TestServers.helloWith("scaling: {replicas: 7}"));

    assertThat(scaling.autoscaling()).isFalse();
    assertThat(scaling.fewestReplicas()).isEqualTo(7);
  }

  @Test
  void minimumIsTheFewestReplicasWhenAutoscaling() {
    Scaling scaling = Scaling.of(TestServers.helloWith("scaling: {autoscaling: {minReplicas: 2}}"));

    assertThat(scaling.fewestReplicas()).isEqualTo(2);
  }
}
