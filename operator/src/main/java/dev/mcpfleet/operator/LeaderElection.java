package dev.mcpfleet.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.util.Optional;

/** Leader election through a Lease, for operators that run more than one replica. */
final class LeaderElection {

  private LeaderElection() {}

  /**
   * The JOSDK configuration, or empty when election is off. A replica that loses the lease exits
   * (and is restarted by its Deployment), so two replicas never reconcile at once.
   */
  static Optional<LeaderElectionConfiguration> configuration(OperatorConfig.LeaderElection e) {
    if (!e.enabled()) {
      return Optional.empty();
    }
    var builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(e.leaseName());
    if (e.leaseNamespace() != null) {
      builder.withLeaseNamespace(e.leaseNamespace());
    }
    if (e.identity() != null) {
      builder.withIdentity(e.identity());
    }
    // In 5.3.2 build() does not exit on a lost lease; buildForTest(true) is the only way to get
    // the behaviour the deprecated constructors had by default.
    return Optional.of(builder.buildForTest(true));
  }
}
