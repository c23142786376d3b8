package dev.mcpfleet.operator.validation;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes {@code spec.upstream} impossible to run in a pod, beyond the schema: a command the
 * runtime image does not have, a sidecar on the runtime's own port, a variable named twice.
 */
final class UpstreamChecks {

  private UpstreamChecks() {}

  /** What to fix, one message each; empty when the upstream can run. */
  static List<String> check(McpServerSpec spec) {
    List<String> problems = new ArrayList<>();
    UpstreamSpec upstream = spec.upstream();
    if (upstream == null) {
      return problems;
    }
    if (upstream.command() != null && (spec.pod() == null || spec.pod().image() == null)) {
      List<String> command = upstream.command().command();
      problems.add(
          "spec.upstream.command runs '"
              + (command == null || command.isEmpty() ? "" : command.getFirst())
              + "', which the runtime image does not contain: set spec.pod.image to an image"
              + " derived from the runtime image that adds the server (see docs/upstream.md), or"
              + " use spec.upstream.package for an npm or PyPI package");
    }
    if (upstream.http() != null
        && upstream.http().port() != null
        && upstream.http().port() == Defaults.PORT) {
      problems.add(
          "spec.upstream.http.port "
              + Defaults.PORT
              + " is the runtime's own port in the pod; serve the sidecar on another port"
              + " (default 3000)");
    }
    Set<String> names = new HashSet<>();
    List<UpstreamSpec.EnvSpec> env = upstream.env() == null ? List.of() : upstream.env();
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i) != null && env.get(i).name() != null && !names.add(env.get(i).name())) {
        problems.add(
            "spec.upstream.env["
                + i
                + "] names '"
                + env.get(i).name()
                + "' a second time; keep one variable of each name");
      }
    }
    return problems;
  }
}
