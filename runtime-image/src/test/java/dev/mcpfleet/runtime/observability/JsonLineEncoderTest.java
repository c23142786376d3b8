package dev.mcpfleet.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {

  private final LoggerContext context = new LoggerContext();
  private final JsonLineEncoder encoder = new JsonLineEncoder();

  private LoggingEvent event(String message, Object... arguments) {
    return new LoggingEvent(
        getClass().getName(),
        context.getLogger("mcpfleet.audit"),
        Level.INFO,
        message,
        null,
        arguments);
  }

  @Test
  void aSerializedLineIsWrittenAsItsOwnBytes() {
    byte[] bytes =
        "{\"audit\":\"tools/call\",\"tool\":\"météo\"}\n".getBytes(StandardCharsets.UTF_8);

    byte[] written = encoder.encode(event("{}", new JsonLine(bytes)));

    assertThat(written).isSameAs(bytes);
  }

  @Test
  void aSerializedLineReadsAsItsJsonToOtherAppenders() {
    byte[] bytes = "{\"tool\":\"météo\"}\n".getBytes(StandardCharsets.UTF_8);

    assertThat(event("{}", new JsonLine(bytes)).getFormattedMessage())
        .isEqualTo("{\"tool\":\"météo\"}");
  }

  @Test
  void aMessageThatIsJsonTextGetsALineFeed() {
    byte[] written = encoder.encode(event("{\"tool\":\"echo\"}"));

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"tool\":\"echo\"}\n");
  }

  @Test
  void aLineWithoutItsLineFeedIsRefused() {
    assertThatThrownBy(() -> new JsonLine("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line feed");
  }
}
