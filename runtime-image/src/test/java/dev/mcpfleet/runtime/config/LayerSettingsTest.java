package dev.mcpfleet.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.AuthSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerSettingsTest {

  private static McpServer manifest(String spec) throws Exception {
    return ManifestReader.parse(
        "m.yaml",
        """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: m}
        spec:
          server: {name: m}
        %s
        """
            .formatted(spec.indent(2)));
  }

  @Test
  void absentSectionsGetTheGuidesDefaults() throws Exception {
    LayerSettings settings = LayerSettings.of(manifest(""), Map.of());

    assertThat(settings.auth().mode()).isEqualTo(AuthSpec.Mode.NONE);
    assertThat(settings.rateLimit()).isEqualTo(new LayerSettings.Limit(100, 20));
    assertThat(settings.resilience().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.resilience().failureThreshold()).isEqualTo(5);
    assertThat(settings.resilience().recoveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.resilience().cacheTtl()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.output().maxBytes()).isEqualTo(Defaults.MAX_RESULT_BYTES);
    assertThat(settings.audit()).isEqualTo(new LayerSettings.Audit(true, false));
    assertThat(settings.metrics()).isTrue();
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    McpServer m = manifest("security:\n  rateLimit: {requestsPerSecond: 10}\n");

    LayerSettings settings =
        LayerSettings.of(
            m,
            Map.of(
                "MCP_SECURITY_RATELIMIT_REQUESTSPERSECOND", "500",
                "MCP_SECURITY_RATELIMIT_BURST", "50",
                "MCP_RESILIENCE_CIRCUITBREAKER_RECOVERYTIMEOUT", "10s",
                "MCP_TIMEOUT", "5s",
                "MCP_SECURITY_AUDIT_INCLUDEARGUMENTS", "TRUE",
                "HOME", "/root"));

    assertThat(settings.rateLimit()).isEqualTo(new LayerSettings.Limit(500, 50));
    assertThat(settings.resilience().recoveryTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.resilience().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.audit().includeArguments()).isTrue();
  }

  @Test
  void enumsAndListsCanBeSetToo() throws Exception {
    LayerSettings settings =
        LayerSettings.of(
            manifest(""),
            Map.of(
                "MCP_SECURITY_AUTH_MODE", "jwt",
                "MCP_SECURITY_AUTH_JWT_ISSUER", "https://issuer.test",
                "MCP_SECURITY_AUTH_JWT_AUDIENCES", "https://a.test/mcp, https://b.test/mcp",
                "MCP_SECURITY_AUTH_JWT_JWKSURI", "https://issuer.test/jwks"));

    assertThat(settings.auth().mode()).isEqualTo(AuthSpec.Mode.JWT);
    assertThat(settings.auth().jwt().audiences())
        .containsExactly("https://a.test/mcp", "https://b.test/mcp");
    assertThat(settings.auth().jwt().resource()).isEqualTo("https://a.test/mcp");
    assertThat(settings.auth().jwt().authorizationServers()).containsExactly("https://issuer.test");
  }

  @Test
  void everyBadVariableIsNamedAtOnce() throws Exception {
    assertThatThrownBy(
            () ->
                LayerSettings.of(
                    manifest(""),
                    Map.of(
                        "MCP_SECURITY_RATELIMIT_REQUESTPERSECOND", "5",
                        "MCP_RESILIENCE_CIRCUITBREAKER", "5",
                        "MCP_SECURITY_RATELIMIT_BURST", "many",
                        "MCP_SECURITY_AUTHORIZATION_RULES", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MCP_SECURITY_RATELIMIT_REQUESTPERSECOND does not name a setting")
        .hasMessageContaining("MCP_SECURITY_RATELIMIT_REQUESTSPERSECOND")
        .hasMessageContaining("MCP_RESILIENCE_CIRCUITBREAKER names the section")
        .hasMessageContaining("MCP_SECURITY_RATELIMIT_BURST='many' must be a whole number")
        .hasMessageContaining("list of objects that only the manifest can set");
  }

  @Test
  void badValuesInTheFileAreNamedByField() throws Exception {
    assertThatThrownBy(
            () ->
                LayerSettings.of(
                    manifest(
                        "resilience: {timeout: 0s}\nsecurity:\n  auth: {mode: jwt, jwt: {issuer: i, audiences: [not-a-url], jwksUri: 'https://i/jwks'}}\n"),
                    Map.of()))
        .hasMessageContaining("resilience.timeout must be longer than 0")
        .hasMessageContaining("security.auth.jwt.resource");
  }

  @Test
  void aRedisUrlFromASecretMustBeInTheEnvironment() throws Exception {
    McpServer m =
        manifest("resilience:\n  redis: {urlFrom: {secretKeyRef: {name: cache, key: url}}}\n");

    assertThatThrownBy(() -> LayerSettings.of(m, Map.of()))
        .hasMessageContaining("MCP_SECRET_CACHE_URL is not set");
    assertThat(LayerSettings.of(m, Map.of("MCP_SECRET_CACHE_URL", "redis://r:6379")).redisUrl())
        .isEqualTo("redis://r:6379");
  }

  @Test
  void secretVariablesAreFoundWhereverTheManifestReferencesSecrets() throws Exception {
    McpServer m =
        manifest(
            """
            resilience:
              redis: {urlFrom: {secretKeyRef: {name: cache, key: url}}}
            pod:
              env:
                - name: DB_PASSWORD
                  valueFrom: {secretKeyRef: {name: db, key: password}}
            """);

    assertThat(LayerSettings.of(m, Map.of("MCP_SECRET_CACHE_URL", "redis://x")).secretVariables())
        .contains("MCP_SECRET_CACHE_URL", "DB_PASSWORD");
  }

  @Test
  void rateLimitsCanBeSwitchedOff() throws Exception {
    assertThat(
            LayerSettings.of(manifest(""), Map.of("MCP_SECURITY_RATELIMIT_ENABLED", "false"))
                .rateLimit())
        .isNull();
    assertThat(List.of()).isEmpty();
  }
}
