package dev.mcpfleet.runtime.security;

import dev.mcpfleet.api.spec.AuthorizationSpec;
import dev.mcpfleet.api.spec.AuthorizationSpec.AuthorizationRule;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.List;
import java.util.Set;

/**
 * The guide's capability ACL from {@code security.authorization}: a caller may use a tool, resource
 * or prompt when a rule grants the item and matches the caller (by token subject, group, scope or
 * API-key name; a rule without selectors matches every caller). What no rule grants follows the
 * default policy: deny when rules are given, else allow. A refused use is written to the audit log.
 */
public final class AccessRules implements AccessPolicy {

  private final List<Rule> rules;
  private final boolean allowByDefault;
  private final AuditLog audit;

  /** One rule, compiled. */
  private record Rule(
      String name,
      List<Glob> subjects,
      Set<String> groups,
      Set<String> scopes,
      List<Glob> apiKeys,
      List<Glob> tools,
      List<Glob> resources,
      List<Glob> prompts) {

    boolean grants(ItemKind kind, String item) {
      List<Glob> items =
          switch (kind) {
            case TOOL -> tools;
            case RESOURCE -> resources;
            case PROMPT -> prompts;
          };
      for (Glob glob : items) {
        if (glob.matches(item)) {
          return true;
        }
      }
      return false;
    }

    boolean matches(Caller caller) {
      if (subjects.isEmpty() && groups.isEmpty() && scopes.isEmpty() && apiKeys.isEmpty()) {
        return true;
      }
      return (caller.kind() == Caller.Kind.TOKEN && any(subjects, caller.id()))
          || (caller.kind() == Caller.Kind.API_KEY && any(apiKeys, caller.id()))
          || caller.groups().stream().anyMatch(groups::contains)
          || caller.scopes().stream().anyMatch(scopes::contains);
    }

    private static boolean any(List<Glob> globs, String value) {
      for (Glob glob : globs) {
        if (glob.matches(value)) {
          return true;
        }
      }
      return false;
    }
  }

  public AccessRules(AuthorizationSpec spec, AuditLog audit) {
    List<AuthorizationRule> given = spec == null || spec.rules() == null ? List.of() : spec.rules();
    this.rules = given.stream().map(AccessRules::compile).toList();
    AuthorizationSpec.Policy policy = spec == null ? null : spec.defaultPolicy();
    this.allowByDefault =
        policy == null ? rules.isEmpty() : policy == AuthorizationSpec.Policy.ALLOW;
    this.audit = audit;
  }

  /** True when some rule or the default policy can refuse something. */
  public boolean restricts() {
    return !allowByDefault;
  }

  /** Every scope the rules grant items to, for the protected-resource metadata. */
  public Set<String> scopes() {
    return rules.stream()
        .flatMap(r -> r.scopes().stream())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  @Override
  public Verdict decide(Caller caller, ItemKind kind, String name) {
    String missingScope = null;
    for (Rule rule : rules) {
      if (!rule.grants(kind, name)) {
        continue;
      }
      if (rule.matches(caller)) {
        return new Verdict(true, null, rule.name());
      }
      if (missingScope == null && caller.kind() == Caller.Kind.TOKEN && !rule.scopes().isEmpty()) {
        missingScope = rule.scopes().iterator().next();
      }
    }
    if (allowByDefault) {
      return new Verdict(true, null, "defaultPolicy");
    }
    return new Verdict(false, missingScope, null);
  }

  @Override
  public Verdict authorize(Caller caller, ItemKind kind, String name, String requestId) {
    Verdict verdict = decide(caller, kind, name);
    if (!verdict.allowed()) {
      audit.denied(caller, requestId, kind, name, verdict.missingScope());
    }
    return verdict;
  }

  private static Rule compile(AuthorizationRule rule) {
    return new Rule(
        rule.name() == null ? "unnamed" : rule.name(),
        globs(rule.subjects()),
        set(rule.groups()),
        set(rule.scopes()),
        globs(rule.apiKeys()),
        globs(rule.tools()),
        globs(rule.resources()),
        globs(rule.prompts()));
  }

  private static List<Glob> globs(List<String> values) {
    return values == null ? List.of() : values.stream().map(Glob::of).toList();
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : new java.util.LinkedHashSet<>(values);
  }
}
