package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.apiKey;
import static dev.mcpfleet.runtime.layers.LayerFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.spec.AuthorizationSpec;
import dev.mcpfleet.api.spec.AuthorizationSpec.AuthorizationRule;
import dev.mcpfleet.runtime.layers.AuditCapture;
import dev.mcpfleet.runtime.pipeline.AccessPolicy.ItemKind;
import dev.mcpfleet.runtime.pipeline.AccessPolicy.Verdict;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  private static AuthorizationRule rule(
      String name,
      List<String> subjects,
      List<String> groups,
      List<String> scopes,
      List<String> apiKeys,
      List<String> tools) {
    return new AuthorizationRule(name, subjects, groups, scopes, apiKeys, tools, null, null);
  }

  private static AccessRules rules(AuthorizationSpec.Policy policy, AuthorizationRule... rules) {
    return new AccessRules(
        new AuthorizationSpec(policy, List.of(rules)), new AuditLog(true, false, Redactor.none()));
  }

  @Test
  void withoutRulesEverythingIsAllowed() {
    AccessRules none = new AccessRules(null, AuditLog.off());

    assertThat(none.decide(Caller.ANONYMOUS, ItemKind.TOOL, "anything").allowed()).isTrue();
    assertThat(none.restricts()).isFalse();
  }

  @Test
  void withRulesWhatNoRuleGrantsIsDenied() {
    AccessRules rules =
        rules(null, rule("readers", null, List.of("staff"), null, null, List.of("get_*")));
    Caller staff = token("alice", Set.of("staff"), Set.of());

    assertThat(rules.decide(staff, ItemKind.TOOL, "get_weather").allowed()).isTrue();
    assertThat(rules.decide(staff, ItemKind.TOOL, "delete_city").allowed()).isFalse();
    assertThat(rules.decide(staff, ItemKind.PROMPT, "get_weather").allowed()).isFalse();
  }

  @Test
  void defaultAllowKeepsUngrantedItemsOpen() {
    AccessRules rules =
        rules(
            AuthorizationSpec.Policy.ALLOW,
            rule("admins", List.of("root"), null, null, null, List.of("admin_*")));

    assertThat(rules.decide(token("bob", Set.of(), Set.of()), ItemKind.TOOL, "get").allowed())
        .isTrue();
  }

  @Test
  void subjectsGroupsScopesAndKeyNamesEachSelectCallers() {
    AccessRules rules =
        rules(
            null,
            rule("by-subject", List.of("alice"), null, null, null, List.of("a")),
            rule("by-group", null, List.of("ops"), null, null, List.of("b")),
            rule("by-scope", null, null, List.of("tools.c"), null, List.of("c")),
            rule("by-key", null, null, null, List.of("ci-*"), List.of("d")));

    assertThat(rules.decide(token("alice", Set.of(), Set.of()), ItemKind.TOOL, "a").rule())
        .isEqualTo("by-subject");
    assertThat(rules.decide(token("bob", Set.of("ops"), Set.of()), ItemKind.TOOL, "b").allowed())
        .isTrue();
    assertThat(
            rules.decide(token("bob", Set.of(), Set.of("tools.c")), ItemKind.TOOL, "c").allowed())
        .isTrue();
    assertThat(rules.decide(apiKey("ci-bot"), ItemKind.TOOL, "d").allowed()).isTrue();
    // A key named like a subject is not that subject.
    assertThat(rules.decide(apiKey("alice"), ItemKind.TOOL, "a").allowed()).isFalse();
  }

  @Test
  void aRuleWithoutSelectorsMatchesEveryCaller() {
    AccessRules rules = rules(null, rule("public", null, null, null, null, List.of("ping")));

    assertThat(rules.decide(Caller.ANONYMOUS, ItemKind.TOOL, "ping").allowed()).isTrue();
  }

  @Test
  void denialForALackingScopeNamesTheScope() {
    AccessRules rules =
        rules(null, rule("writers", null, null, List.of("tools.write"), null, List.of("write_*")));

    Verdict verdict =
        rules.decide(token("alice", Set.of(), Set.of("tools.read")), ItemKind.TOOL, "write_doc");

    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.missingScope()).isEqualTo("tools.write");
  }

  @Test
  void resourcesAndPromptsHaveTheirOwnGrants() {
    AccessRules rules =
        rules(
            null,
            new AuthorizationRule(
                "docs",
                null,
                null,
                null,
                null,
                null,
                List.of("file:///docs/*"),
                List.of("summarize")));

    assertThat(rules.decide(Caller.ANONYMOUS, ItemKind.RESOURCE, "file:///docs/a.md").allowed())
        .isTrue();
    assertThat(rules.decide(Caller.ANONYMOUS, ItemKind.RESOURCE, "file:///etc/passwd").allowed())
        .isFalse();
    assertThat(rules.decide(Caller.ANONYMOUS, ItemKind.PROMPT, "summarize").allowed()).isTrue();
  }

  @Test
  void aRefusedUseWritesOneAuditLine() {
    AccessRules rules =
        rules(null, rule("writers", null, null, List.of("tools.write"), null, List.of("write_*")));
    try (AuditCapture audit = new AuditCapture()) {
      rules.authorize(token("alice", Set.of(), Set.of()), ItemKind.TOOL, "write_doc", "req-7");
      rules.decide(token("alice", Set.of(), Set.of()), ItemKind.TOOL, "write_doc");

      assertThat(audit.lines()).hasSize(1);
      JsonNode line = audit.lines().get(0);
      assertThat(line.path("audit").asText()).isEqualTo("tools/call");
      assertThat(line.path("outcome").asText()).isEqualTo("denied");
      assertThat(line.path("code").asText()).isEqualTo("ACCESS_DENIED");
      assertThat(line.path("caller").asText()).isEqualTo("alice");
      assertThat(line.path("tool").asText()).isEqualTo("write_doc");
      assertThat(line.path("requestId").asText()).isEqualTo("req-7");
      assertThat(line.path("missingScope").asText()).isEqualTo("tools.write");
    }
  }

  @Test
  void scopesOfTheRulesAreListed() {
    AccessRules rules =
        rules(
            null,
            rule("a", null, null, List.of("b.read", "a.read"), null, List.of("x")),
            rule("b", null, null, List.of("a.read"), null, List.of("y")));

    assertThat(rules.scopes()).containsExactly("a.read", "b.read");
  }
}
