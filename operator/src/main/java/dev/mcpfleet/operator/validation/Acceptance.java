package dev.mcpfleet.operator.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the operator may apply an McpServer's objects, and if not, why: the {@code Accepted}
 * condition's status, reason and message.
 */
public record Acceptance(boolean accepted, String reason, String message, List<Finding> findings) {

  public static final String ACCEPTED = "Accepted";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String INVALID_TOOL_SCHEMA = "InvalidToolSchema";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";
  public static final String CONFIG_MAP_NOT_FOUND = "ConfigMapNotFound";
  public static final String CONFIG_MAP_KEY_NOT_FOUND = "ConfigMapKeyNotFound";

  /** Findings listed in one message; the rest are counted. */
  static final int LISTED_FINDINGS = 5;

  public Acceptance {
    findings = List.copyOf(findings);
  }

  public static Acceptance ok() {
    return new Acceptance(
        true,
        ACCEPTED,
        "the spec is valid and every referenced Secret and ConfigMap exists",
        List.of());
  }

  /** Rejects with the first finding's reason and a message that lists the findings. */
  public static Acceptance of(List<Finding> findings) {
    if (findings.isEmpty()) {
      return ok();
    }
    String message =
        findings.stream()
            .limit(LISTED_FINDINGS)
            .map(Finding::message)
            .collect(Collectors.joining("; "));
    if (findings.size() > LISTED_FINDINGS) {
      message += "; and " + (findings.size() - LISTED_FINDINGS) + " more problems";
    }
    return new Acceptance(false, findings.get(0).reason(), message, findings);
  }
}
