package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.spec.AuthorizationSpec;
import dev.mcpfleet.api.spec.AuthorizationSpec.AuthorizationRule;
import dev.mcpfleet.api.spec.RateLimitSpec;
import dev.mcpfleet.api.spec.SecuritySpec;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Authorization rules and per-tool rate limits that name a tool or prompt exactly (no glob) must
 * name one that exists: a typo would otherwise silently grant or limit nothing.
 */
final class AccessRules {

  private AccessRules() {}

  static void check(SecuritySpec security, Set<String> tools, Set<String> prompts, Problems out) {
    if (security == null) {
      return;
    }
    String path = "spec.security";
    AuthorizationSpec authorization = security.authorization();
    List<AuthorizationRule> rules = authorization == null ? null : authorization.rules();
    for (int i = 0; rules != null && i < rules.size(); i++) {
      String at = Problems.at(Problems.at(Problems.at(path, "authorization"), "rules"), i);
      names(rules.get(i), AuthorizationRule::tools, "tools", "tool", tools, at, out);
      names(rules.get(i), AuthorizationRule::prompts, "prompts", "prompt", prompts, at, out);
    }
    RateLimitSpec rateLimit = security.rateLimit();
    List<RateLimitSpec.ToolRateLimit> limits = rateLimit == null ? null : rateLimit.tools();
    for (int i = 0; limits != null && i < limits.size(); i++) {
      String tool = limits.get(i).tool();
      if (tool != null && !tools.contains(tool)) {
        out.add(
            Problems.at(
                Problems.at(Problems.at(Problems.at(path, "rateLimit"), "tools"), i), "tool"),
            unknown(tool, "tool", tools));
      }
    }
  }

  private static void names(
      AuthorizationRule rule,
      Function<AuthorizationRule, List<String>> list,
      String field,
      String kind,
      Set<String> declared,
      String path,
      Problems out) {
    List<String> names = list.apply(rule);
    for (int i = 0; names != null && i < names.size(); i++) {
      String name = names.get(i);
      if (name != null && !isGlob(name) && !declared.contains(name)) {
        out.add(Problems.at(Problems.at(path, field), i), unknown(name, kind, declared));
      }
    }
  }

  private static String unknown(String name, String kind, Set<String> declared) {
    return "'"
        + name
        + "' names no "
        + kind
        + " of this server"
        + (declared.isEmpty() ? "" : " (" + String.join(", ", declared) + ")")
        + "; fix the name, or use a glob such as '"
        + name
        + "*' for "
        + kind
        + "s that code in a derived image adds";
  }

  private static boolean isGlob(String name) {
    return name.indexOf('*') >= 0 || name.indexOf('?') >= 0;
  }
}
