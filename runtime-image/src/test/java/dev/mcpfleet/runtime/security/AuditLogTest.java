package dev.mcpfleet.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.layers.AuditCapture;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.spi.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLogTest {

  private final AuditLog audit = new AuditLog(true, false, Redactor.none());
  private final Caller alice = new Caller("alice", Caller.Kind.API_KEY, Set.of(), Set.of());

  @Test
  void nonAsciiNamesAreWrittenAsUtf8() {
    try (AuditCapture capture = new AuditCapture()) {
      audit.call(alice, "req-é", "météo-東京", "success", null, 1_234_567, null);

      JsonNode line = capture.lines().get(0);
      assertThat(line.path("tool").asText()).isEqualTo("météo-東京");
      assertThat(line.path("requestId").asText()).isEqualTo("req-é");
      assertThat(line.path("durationMs").asText()).isEqualTo("1.23");
    }
  }

  @Test
  void everyLineCarriesTheFixedFields() {
    try (AuditCapture capture = new AuditCapture()) {
      audit.call(alice, "r1", "echo", "tool_error", "UPSTREAM_TIMEOUT", 5_000_000, null);
      audit.denied(alice, "r2", AccessPolicy.ItemKind.RESOURCE, "file:///etc", "files:read");

      JsonNode call = capture.lines().get(0);
      assertThat(call.path("level").asText()).isEqualTo("INFO");
      assertThat(call.path("logger_name").asText()).isEqualTo(AuditLog.LOGGER);
      assertThat(call.path("message").asText()).isEqualTo("tool call");
      assertThat(call.path("audit").asText()).isEqualTo("tools/call");
      assertThat(call.path("callerKind").asText()).isEqualTo("api_key");
      assertThat(call.path("code").asText()).isEqualTo("UPSTREAM_TIMEOUT");
      assertThat(call.path("@timestamp").asText()).endsWith("Z");
      JsonNode denied = capture.lines().get(1);
      assertThat(denied.path("message").asText()).isEqualTo("access denied");
      assertThat(denied.path("audit").asText()).isEqualTo("resources/read");
      assertThat(denied.path("uri").asText()).isEqualTo("file:///etc");
      assertThat(denied.path("missingScope").asText()).isEqualTo("files:read");
    }
  }

  @Test
  void aLoneSurrogateFromTheClientStillGivesAWholeLine() {
    // A JSON-RPC id such as "\ud800" parses to a string that is not valid UTF-16; the call must
    // still be audited, as one valid JSON line.
    try (AuditCapture capture = new AuditCapture()) {
      audit.call(alice, "id-\ud800-end", "echo", "success", null, 1_000, null);

      assertThat(capture.raw()).hasSize(1);
      String raw = capture.raw().get(0);
      assertThat(raw).endsWith("}\n");
      assertThat(raw.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
      JsonNode line = capture.lines().get(0);
      assertThat(line.path("requestId").asText()).startsWith("id-").endsWith("-end");
      assertThat(line.path("tool").asText()).isEqualTo("echo");
    }
  }
}
