package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.spec.NetworkSpec;
import java.util.List;

/**
 * Where HTTP tools may connect under {@code spec.network}: the hosts the runtime allows (null: any)
 * and the TCP ports the NetworkPolicy opens (null: any). With an egress section, the policy opens
 * port 443 unless {@code ports} says otherwise, as the operator renders it.
 */
record Egress(List<String> allowedHosts, List<Integer> ports) {

  static final int HTTPS_PORT = 443;

  static Egress of(NetworkSpec network) {
    NetworkSpec.EgressSpec egress = network == null ? null : network.egress();
    if (egress == null) {
      return new Egress(null, null);
    }
    boolean policy = !Boolean.FALSE.equals(network.enabled());
    List<Integer> ports =
        !policy
            ? null
            : egress.ports() == null || egress.ports().isEmpty()
                ? List.of(HTTPS_PORT)
                : egress.ports();
    return new Egress(egress.allowedHosts(), ports);
  }
}
