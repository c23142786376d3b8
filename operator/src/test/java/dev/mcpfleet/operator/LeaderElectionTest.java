package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaderElectionTest {

  @Test
  void noConfigurationWhenElectionIsOff() {
    assertThat(LeaderElection.configuration(OperatorConfig.LeaderElection.off())).isEmpty();
  }

  @Test
  void aReplicaThatLosesTheLeaseExits() {
    var config =
        LeaderElection.configuration(
                new OperatorConfig.LeaderElection(true, "fleet", "mcp-system", "operator-0"))
            .orElseThrow();

    assertThat(config.isExitOnStopLeading()).isTrue();
    assertThat(config.getLeaseName()).isEqualTo("fleet");
    assertThat(config.getLeaseNamespace()).contains("mcp-system");
    assertThat(config.getIdentity()).contains("operator-0");
  }

  @Test
  void leaseNamespaceAndIdentityMayComeFromTheCluster() {
    var config =
        LeaderElection.configuration(new OperatorConfig.LeaderElection(true, "fleet", null, null))
            .orElseThrow();

    assertThat(config.getLeaseNamespace()).isEmpty();
    assertThat(config.getIdentity()).isEmpty();
    assertThat(config.isExitOnStopLeading()).isTrue();
  }
}
