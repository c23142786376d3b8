package dev.mcpfleet.runtime.layers;

import static dev.mcpfleet.runtime.layers.LayeredServer.call;
import static dev.mcpfleet.runtime.layers.LayeredServer.failed;
import static dev.mcpfleet.runtime.layers.LayeredServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.security.JwksServer;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, authorization, validation, sanitization and audit over real HTTP. */
class SecurityEndToEndTest {

  private static final String SECRET = "sk-weather-0123456789abcdefghij";

  static String manifest(String security) {
    return manifest(security, "");
  }

  static String manifest(String security, String moreSpec) {
    return """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: guarded}
        spec:
          server:
            name: guarded
            tools:
              - name: echo
                description: Echoes a text.
                inputSchema:
                  type: object
                  properties: {text: {type: string, maxLength: 50}}
                  required: [text]
                  additionalProperties: false
                text:
                  content: [{type: text, text: "echo {{text}}"}]
              - name: admin_reset
                description: Resets everything.
                text:
                  content: [{type: text, text: "reset"}]
          security:
        %s%s
        """
        .formatted(security.indent(4), moreSpec.indent(2));
  }

  @TempDir Path keys;

  @Test
  void apiKeyCallersAreAuthenticatedAuthorizedValidatedAndAudited() throws Exception {
    Files.writeString(keys.resolve("alice"), "alice-key-0123456789\n");
    Files.writeString(keys.resolve("bob"), "bob-key-01234567890\n");
    String security =
        """
        auth: {mode: apiKey, apiKey: {secretRef: guarded-keys}}
        authorization:
          rules:
            - {name: everyone, apiKeys: ["*"], tools: [echo]}
            - {name: admins, apiKeys: [alice], tools: ["admin_*"]}
        """;
    try (AuditCapture audit = new AuditCapture();
        LayeredServer server =
            LayeredServer.start(manifest(security), Map.of("MCP_API_KEYS_DIR", keys.toString()))) {
      McpSyncClient alice = server.client(Map.of("Authorization", "Bearer alice-key-0123456789"));
      McpSyncClient bob = server.client(Map.of("X-API-Key", "bob-key-01234567890"));

      assertThat(alice.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("echo", "admin_reset");
      assertThat(bob.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("echo");
      assertThat(text(call(bob, "echo", Map.of("text", "hi")))).contains("echo hi");

      assertThatThrownBy(() -> call(bob, "admin_reset", Map.of()))
          .hasMessageContaining("Access denied");
      McpSchema.CallToolResult invalid = call(bob, "echo", Map.of("text", "x".repeat(500)));
      assertThat(failed(invalid)).isTrue();
      assertThat(text(invalid)).contains("INVALID_INPUT").contains("'/text'");
      McpSchema.CallToolResult malformed = call(bob, "echo", Map.of("txt", 1));
      assertThat(text(malformed)).contains("'/text'").contains("txt");

      assertThat(audit.lines())
          .extracting(l -> l.path("caller").asText() + " " + l.path("outcome").asText())
          .contains("bob success", "bob denied", "bob tool_error");
      assertThat(server.post(Map.of()).statusCode()).isEqualTo(401);
      assertThat(server.post(Map.of("X-API-Key", "wrong-key-000000000")).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void aRotatedAwayKeyIsRefusedOnTheConnectionThatUsedIt() throws Exception {
    Files.writeString(keys.resolve("bob"), "bob-key-01234567890\n");
    String security = "auth: {mode: apiKey, apiKey: {secretRef: guarded-keys}}";
    try (LayeredServer server =
        LayeredServer.start(manifest(security), Map.of("MCP_API_KEYS_DIR", keys.toString()))) {
      // One client, one kept-alive connection: the key verifies once and is remembered on it.
      // (A bare ping gets past authentication, then the protocol's own answer: anything but 401.)
      assertThat(server.post(Map.of("X-API-Key", "bob-key-01234567890")).statusCode())
          .isNotEqualTo(401);
      assertThat(server.post(Map.of("X-API-Key", "bob-key-01234567890")).statusCode())
          .isNotEqualTo(401);

      // Rotation: bob's key replaced, carol added; the health report says when the keys were read
      // again (asked without a key, so the connection still remembers bob's old one).
      Files.writeString(keys.resolve("bob"), "bob-key-rotated-000001\n");
      Files.writeString(keys.resolve("carol"), "carol-key-0123456789\n");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.get("/health").body().contains("2 keys for 2 callers"));

      assertThat(server.post(Map.of("X-API-Key", "bob-key-01234567890")).statusCode())
          .isEqualTo(401);
      assertThat(server.post(Map.of("X-API-Key", "bob-key-rotated-000001")).statusCode())
          .isNotEqualTo(401);
    }
  }

  @Test
  void jwtCallersFollowMcpResourceServerRules() throws Exception {
    try (JwksServer issuer = new JwksServer()) {
      String security =
          """
          auth:
            mode: jwt
            jwt:
              issuer: %s
              audiences: ["%s"]
              jwksUri: %s
          authorization:
            rules:
              - {name: readers, scopes: [echo.use], tools: [echo]}
          """
              .formatted(JwksServer.ISSUER, JwksServer.AUDIENCE, issuer.uri());
      try (LayeredServer server = LayeredServer.start(manifest(security), Map.of())) {
        var metadata = server.get("/.well-known/oauth-protected-resource/mcp");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body())
            .contains("\"resource\":\"" + JwksServer.AUDIENCE + "\"")
            .contains("\"authorization_servers\":[\"" + JwksServer.ISSUER + "\"]")
            .contains("echo.use");
        assertThat(server.get("/.well-known/oauth-protected-resource").statusCode()).isEqualTo(200);

        var missing = server.post(Map.of());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow())
            .contains(
                "resource_metadata=\"https://mcp.test/.well-known/oauth-protected-resource/mcp\"");

        String expired =
            issuer.token(
                "alice", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(300))));
        assertThat(server.post(Map.of("Authorization", "Bearer " + expired)).body())
            .contains("expired");
        String otherAudience = issuer.token("alice", c -> c.audience("https://other.test/mcp"));
        assertThat(server.post(Map.of("Authorization", "Bearer " + otherAudience)).statusCode())
            .isEqualTo(401);
        String forged =
            JwksServer.sign(
                JwksServer.newKey("key-1"),
                com.nimbusds.jose.JOSEObjectType.JWT,
                "mallory",
                c -> {});
        assertThat(server.post(Map.of("Authorization", "Bearer " + forged)).statusCode())
            .isEqualTo(401);

        McpSyncClient reader =
            server.client(
                Map.of(
                    "Authorization",
                    "Bearer " + issuer.token("alice", c -> c.claim("scope", "echo.use"))));
        assertThat(text(call(reader, "echo", Map.of("text", "hi")))).contains("echo hi");
        McpSyncClient noScope =
            server.client(Map.of("Authorization", "Bearer " + issuer.token("bob")));
        assertThat(noScope.listTools().tools()).isEmpty();
      }
    }
  }

  @Test
  void aToolResultWithASecretInItIsRedacted() throws Exception {
    var leaky =
        LayerFixtures.tool("leaky", (c, ctx) -> ToolResult.text("config: token=" + SECRET + " ok"));
    String manifest =
        manifest(
            "auth: {mode: none}",
            """
            pod:
              env:
                - name: WEATHER_TOKEN
                  valueFrom: {secretKeyRef: {name: weather, key: token}}
            """);
    try (LayeredServer server =
        LayeredServer.start(manifest, Map.of("WEATHER_TOKEN", SECRET), leaky)) {
      McpSyncClient client = server.client(Map.of());

      String answer = text(call(client, "leaky", Map.of()));

      assertThat(answer).doesNotContain(SECRET).contains("[REDACTED]").contains("ok");
    }
  }

  @Test
  void noAuthenticationStillServesAndTellsCallersApart() throws Exception {
    try (LayeredServer server = LayeredServer.start(manifest("auth: {mode: none}"), Map.of())) {
      assertThat(text(call(server.client(Map.of()), "echo", Map.of("text", "x"))))
          .contains("echo x");
      assertThat(server.get("/.well-known/oauth-protected-resource").statusCode()).isEqualTo(404);
    }
  }

  static List<String> names(McpSchema.ListToolsResult result) {
    return result.tools().stream().map(McpSchema.Tool::name).toList();
  }
}
