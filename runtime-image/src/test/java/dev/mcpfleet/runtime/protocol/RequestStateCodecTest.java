package dev.mcpfleet.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.protocol.inputs.RequestStateCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing and opening requestState: integrity, binding, expiry. */
class RequestStateCodecTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, JsonNode> ANSWERS =
      Map.of("name", TestServer.json("{'action':'accept','content':{'name':'Ada'}}"));

  @Test
  void openReturnsWhatWasSealed() {
    RequestStateCodec codec = new RequestStateCodec("secret", Duration.ofMinutes(5), NOW);

    String state = codec.seal("alice\ntools/call\ngreet", ANSWERS);

    assertThat(codec.open(state, "alice\ntools/call\ngreet")).isEqualTo(ANSWERS);
  }

  @Test
  void anotherKeyAnotherBindingOrALaterTimeIsRefused() {
    RequestStateCodec codec = new RequestStateCodec("secret", Duration.ofMinutes(5), NOW);
    String state = codec.seal("alice\ntools/call\ngreet", ANSWERS);
    RequestStateCodec otherKey = new RequestStateCodec("other", Duration.ofMinutes(5), NOW);
    RequestStateCodec later =
        new RequestStateCodec(
            "secret", Duration.ofMinutes(5), Clock.offset(NOW, Duration.ofMinutes(6)));

    assertThatThrownBy(() -> otherKey.open(state, "alice\ntools/call\ngreet"))
        .hasMessageContaining("signature does not match");
    assertThatThrownBy(() -> codec.open(state, "mallory\ntools/call\ngreet"))
        .hasMessageContaining("issued for another request");
    assertThatThrownBy(() -> later.open(state, "alice\ntools/call\ngreet"))
        .hasMessageContaining("expired");
    assertThatThrownBy(() -> codec.open("garbage", "alice\ntools/call\ngreet"))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("not a state this server issued");
  }

  @Test
  void processKeysDifferBetweenProcesses() {
    String state = new RequestStateCodec(null, Duration.ofMinutes(5), NOW).seal("b", ANSWERS);

    assertThatThrownBy(
            () -> new RequestStateCodec(null, Duration.ofMinutes(5), NOW).open(state, "b"))
        .hasMessageContaining("signature");
  }
}
