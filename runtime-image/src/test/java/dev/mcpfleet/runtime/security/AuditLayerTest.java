package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.context;
import static dev.mcpfleet.runtime.layers.LayerFixtures.token;
import static dev.mcpfleet.runtime.layers.LayerFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.layers.AuditCapture;
import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditLayerTest {

  private final LayerFixtures.TestContext alice = context(token("alice", Set.of(), Set.of()));

  @Test
  void eachCallWritesOneJsonLineWithCallerToolOutcomeDurationAndRequestId() throws Exception {
    AuditLayer layer = new AuditLayer(new AuditLog(true, false, Redactor.none()));
    try (AuditCapture audit = new AuditCapture()) {
      call(
          List.of(layer),
          tool("weather", (c, ctx) -> ToolResult.text("sunny")),
          args("{\"city\":\"Lyon\"}"),
          alice);

      assertThat(audit.raw()).hasSize(1);
      assertThat(audit.raw().get(0).strip()).doesNotContain("\n").startsWith("{");
      JsonNode line = audit.lines().get(0);
      assertThat(line.path("caller").asText()).isEqualTo("alice");
      assertThat(line.path("callerKind").asText()).isEqualTo("token");
      assertThat(line.path("tool").asText()).isEqualTo("weather");
      assertThat(line.path("outcome").asText()).isEqualTo("success");
      assertThat(line.path("requestId").asText()).isEqualTo(alice.requestId());
      assertThat(line.path("durationMs").isNumber()).isTrue();
      assertThat(line.has("arguments")).isFalse();
    }
  }

  @Test
  void argumentsAreWrittenOnlyWhenAskedForAndRedacted() throws Exception {
    AuditLayer layer =
        new AuditLayer(
            new AuditLog(
                true,
                true,
                new Redactor(() -> Set.of("top-secret-value"), Redactor.CREDENTIAL_PATTERNS)));
    try (AuditCapture audit = new AuditCapture()) {
      call(
          List.of(layer),
          tool("login", (c, ctx) -> ToolResult.text("ok")),
          args("{\"user\":\"alice\",\"token\":\"top-secret-value\"}"),
          alice);

      JsonNode arguments = audit.lines().get(0).path("arguments");
      assertThat(arguments.path("user").asText()).isEqualTo("alice");
      assertThat(arguments.path("token").asText()).isEqualTo(Redactor.MASK);
    }
  }

  @Test
  void failedCallsCarryTheirCode() throws Exception {
    AuditLayer layer = new AuditLayer(new AuditLog(true, false, Redactor.none()));
    try (AuditCapture audit = new AuditCapture()) {
      call(
          List.of(layer),
          tool("t", (c, ctx) -> ClassifiedError.client("INVALID_INPUT", "bad").toToolResult()),
          args("{}"),
          alice);
      assertThatThrownBy(
          () ->
              call(
                  List.of(layer),
                  tool(
                      "t",
                      (c, ctx) -> {
                        throw new IllegalStateException("boom");
                      }),
                  args("{}"),
                  alice));

      assertThat(audit.lines())
          .extracting(l -> l.path("outcome").asText())
          .containsExactly("tool_error", "error");
      assertThat(audit.lines())
          .extracting(l -> l.path("code").asText())
          .containsExactly("INVALID_INPUT", "INTERNAL_ERROR");
    }
  }

  @Test
  void aCallWaitingForTheClientsInputIsNotAnError() throws Exception {
    AuditLayer layer = new AuditLayer(new AuditLog(true, false, Redactor.none()));
    try (AuditCapture audit = new AuditCapture()) {
      assertThatThrownBy(
              () ->
                  call(List.of(layer), LayerFixtures.waitingForInput("confirm"), args("{}"), alice))
          .isInstanceOf(CallContext.InputRequiredSignal.class);

      JsonNode line = audit.lines().get(0);
      assertThat(line.path("outcome").asText()).isEqualTo("input_required");
      assertThat(line.has("code")).isFalse();
    }
  }

  @Test
  void aDisabledAuditLogWritesNothing() throws Exception {
    try (AuditCapture audit = new AuditCapture()) {
      call(
          List.of(new AuditLayer(AuditLog.off())),
          tool("t", (c, ctx) -> ToolResult.text("ok")),
          args("{}"),
          alice);

      assertThat(audit.lines()).isEmpty();
    }
  }

  @Test
  void durationsAreMillisecondsWithTwoDecimalsAndTimestampsIsoUtcWithMilliseconds() {
    assertThat(AuditLog.milliseconds(12_054_000)).isEqualTo("12.05");
    assertThat(AuditLog.milliseconds(1_000)).isEqualTo("0.00");
    assertThat(AuditLog.milliseconds(3_000_000_000L)).isEqualTo("3000.00");
    assertThat(AuditLog.milliseconds(70_000)).isEqualTo("0.07");

    java.time.Instant at = java.time.Instant.parse("2026-11-26T17:16:53.005123Z");
    assertThat(AuditTimestamps.format(at)).isEqualTo("2026-11-26T17:16:53.005Z");
    assertThat(AuditTimestamps.format(at.plusMillis(120))).isEqualTo("2026-11-26T17:16:53.125Z");
    assertThat(AuditTimestamps.format(at.plusSeconds(61))).isEqualTo("2026-11-26T17:17:54.005Z");
  }
}
