package dev.mcpfleet.runtime.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Writes an event whose message already is one complete JSON object (an audit line, serialized by
 * its writer with Jackson's streaming generator) as that object and a line feed, nothing added. An
 * event logged as {@code "{}"} with a {@link JsonLine} is written as the line's bytes, without
 * making text of them first.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    Object[] arguments = event.getArgumentArray();
    if (arguments != null
        && arguments.length == 1
        && arguments[0] instanceof JsonLine line
        && "{}".equals(event.getMessage())) {
      return line.bytes();
    }
    return (event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
