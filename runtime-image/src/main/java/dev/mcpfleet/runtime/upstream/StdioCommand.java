package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.EnvSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The child process of a stdio upstream: {@code npx -y <package>@<version> <arguments>} for an npm
 * package, {@code uvx <package>==<version> <arguments>} for a PyPI package, or the command as given
 * (a derived image), with its environment.
 *
 * <p>The child inherits the runtime's environment (PATH, HOME, proxies, the pod's own variables)
 * except the runtime's {@code MCP_} settings, among them the carriers of Secret and ConfigMap
 * values ({@code MCP_SECRET_*}, {@code MCP_CONFIG_*}): an upstream gets a secret only under the
 * name its {@code env} entry gives it.
 *
 * @param command the program and its arguments
 * @param environment the child's whole environment
 */
public record StdioCommand(List<String> command, Map<String, String> environment) {

  public StdioCommand {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /**
   * The command of a {@code package} or {@code command} upstream, or null for an {@code http} one.
   * Environment entries whose value the runtime lacks are added to {@code problems}, and no command
   * is returned then.
   *
   * @param runtimeEnv reads the runtime's environment variables
   * @param inherited the runtime's whole environment, passed on minus its MCP_ settings
   */
  public static StdioCommand of(
      UpstreamSpec spec,
      Function<String, String> runtimeEnv,
      Map<String, String> inherited,
      List<Problem> problems) {
    List<String> command = commandLine(spec);
    if (command == null) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    inherited.forEach(
        (name, value) -> {
          if (!name.startsWith("MCP_")) {
            environment.put(name, value);
          }
        });
    int before = problems.size();
    environment.putAll(declared(spec, runtimeEnv, problems));
    return problems.size() > before ? null : new StdioCommand(command, environment);
  }

  /** The program and arguments for {@code spec}, or null when it is not a stdio upstream. */
  static List<String> commandLine(UpstreamSpec spec) {
    List<String> command = new ArrayList<>();
    if (spec.packageSpec() != null) {
      UpstreamSpec.PackageSpec pkg = spec.packageSpec();
      switch (pkg.registryType()) {
        case NPM -> command.addAll(List.of("npx", "-y", pkg.identifier() + "@" + pkg.version()));
        case PYPI -> command.addAll(List.of("uvx", pkg.identifier() + "==" + pkg.version()));
      }
      if (pkg.arguments() != null) {
        command.addAll(pkg.arguments());
      }
      return command;
    }
    if (spec.command() != null) {
      return List.copyOf(spec.command().command());
    }
    return null;
  }

  /**
   * The variables {@code spec.env} declares, by name: literal values as written, Secret and
   * ConfigMap keys read from the runtime's environment (where the operator put them, under {@code
   * ValueSource.envName()}). Each unset one becomes a problem naming the variable to set.
   */
  public static Map<String, String> declared(
      UpstreamSpec spec, Function<String, String> runtimeEnv, List<Problem> problems) {
    Map<String, String> variables = new LinkedHashMap<>();
    List<EnvSpec> env = spec.env() == null ? List.of() : spec.env();
    for (int i = 0; i < env.size(); i++) {
      EnvSpec variable = env.get(i);
      if (variable.valueFrom() == null) {
        variables.put(variable.name(), variable.value() == null ? "" : variable.value());
        continue;
      }
      String value = runtimeEnv.apply(variable.valueFrom().envName());
      if (value == null) {
        problems.add(
            new Problem("", variable.valueFrom().unsetMessage("spec.upstream.env[" + i + "]")));
      } else {
        variables.put(variable.name(), value);
      }
    }
    return variables;
  }

  /** The command line as a person reads it (arguments only, never the environment's values). */
  public String describe() {
    return String.join(" ", command);
  }
}
