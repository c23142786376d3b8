package dev.mcpfleet.operator.validation;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.validation.SpecValidator;
import dev.mcpfleet.operator.reference.Reference.Kind;
import dev.mcpfleet.operator.reference.ReferencedData;
import dev.mcpfleet.operator.reference.SpecReferences;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether an McpServer may be applied: the checks the CRD cannot make (or that a cluster
 * without the CRD's validation skipped), then the references. {@link #checkSpec} needs no cluster
 * and backs {@code mcp-fleet validate}; {@link #check} adds the references the operator resolved.
 */
public final class AcceptanceCheck {

  // A Service name is a DNS-1035 label, and the name is also a label value on every object.
  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern TOOL_SCHEMA =
      Pattern.compile("^spec\\.server\\.tools\\[\\d+]\\.(inputSchema|outputSchema)\\b.*");

  private final SpecRules rules;

  public AcceptanceCheck(SpecRules rules) {
    this.rules = rules;
  }

  /** The checks the operator runs: the api module's SpecValidator and the operator's own. */
  public static AcceptanceCheck standard() {
    return new AcceptanceCheck(SpecValidator::validate);
  }

  /** The checks that need nothing but the manifest. */
  public Acceptance checkSpec(McpServer server) {
    return Acceptance.of(specFindings(server));
  }

  /** Every check, with the referenced Secrets and ConfigMaps that exist. */
  public Acceptance check(McpServer server, ReferencedData data) {
    List<Finding> findings = specFindings(server);
    McpServerSpec spec = server.getSpec();
    if (spec != null) {
      String namespace = server.getMetadata().getNamespace();
      findings.addAll(ReferenceCheck.check(SpecReferences.of(spec), data, namespace));
      SpecReferences.apiKeySecret(spec)
          .flatMap(name -> data.find(Kind.SECRET, name))
          .filter(secret -> secret.keys().isEmpty())
          .ifPresent(
              secret ->
                  findings.add(
                      new Finding(
                          Acceptance.SECRET_KEY_NOT_FOUND,
                          "Secret '"
                              + secret.name()
                              + "' holds no API keys; add one key per caller (caller name: API"
                              + " key) or change spec.security.auth.apiKey.secretRef")));
    }
    return Acceptance.of(findings);
  }

  private List<Finding> specFindings(McpServer server) {
    List<Finding> findings = new ArrayList<>();
    String name = server.getMetadata().getName();
    if (name == null || !SERVICE_NAME.matcher(name).matches()) {
      findings.add(
          invalid(
              "metadata.name '"
                  + name
                  + "' cannot name the server's Service; use at most 63 lowercase letters,"
                  + " digits and '-', starting with a letter"));
    }
    McpServerSpec spec = server.getSpec();
    if (spec == null || (spec.server() == null && spec.upstream() == null)) {
      findings.add(
          invalid("spec needs exactly one of spec.server (declared tools) or spec.upstream"));
      return findings;
    }
    for (Problem problem : rules.validate(spec)) {
      String path = problem.path() == null || problem.path().isEmpty() ? "spec" : problem.path();
      path = path.startsWith("spec") ? path : "spec." + path;
      String reason =
          TOOL_SCHEMA.matcher(path).matches()
              ? Acceptance.INVALID_TOOL_SCHEMA
              : Acceptance.INVALID_SPEC;
      findings.add(new Finding(reason, path + ": " + problem.message()));
    }
    duplicateEnvNames(spec, findings);
    emptyIngressPeers(spec, findings);
    UpstreamChecks.check(spec).forEach(message -> findings.add(invalid(message)));
    return findings;
  }

  private static void duplicateEnvNames(McpServerSpec spec, List<Finding> findings) {
    if (spec.pod() == null || spec.pod().env() == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (EnvVar env : spec.pod().env()) {
      if (env != null && env.getName() != null && !seen.add(env.getName())) {
        findings.add(
            invalid(
                "spec.pod.env has more than one variable named '" + env.getName() + "'; keep one"));
      }
    }
  }

  // An empty peer would make the API server refuse the NetworkPolicy at apply time.
  private static void emptyIngressPeers(McpServerSpec spec, List<Finding> findings) {
    var ingress = spec.network() == null ? null : spec.network().ingress();
    if (ingress == null || ingress.allowFrom() == null) {
      return;
    }
    for (int i = 0; i < ingress.allowFrom().size(); i++) {
      var peer = ingress.allowFrom().get(i);
      if (peer == null || (peer.namespaceSelector() == null && peer.podSelector() == null)) {
        findings.add(
            invalid(
                "spec.network.ingress.allowFrom["
                    + i
                    + "] selects nothing; give it a namespaceSelector, a podSelector or both"));
      }
    }
  }

  private static Finding invalid(String message) {
    return new Finding(Acceptance.INVALID_SPEC, message);
  }
}
