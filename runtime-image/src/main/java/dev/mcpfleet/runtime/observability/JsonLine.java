package dev.mcpfleet.runtime.observability;

import java.nio.charset.StandardCharsets;

/**
 * A log line serialized by its writer: one complete JSON object as UTF-8 bytes, ending with a line
 * feed. Logged as the only argument of {@code "{}"}, {@link JsonLineEncoder} writes these bytes as
 * they are (no text in between); any other appender sees the object's text.
 */
public final class JsonLine {

  private final byte[] bytes;

  /**
   * @param bytes the UTF-8 bytes of one JSON object followed by a line feed
   * @throws IllegalArgumentException when they do not end with a line feed
   */
  public JsonLine(byte[] bytes) {
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      throw new IllegalArgumentException("a JSON line ends with a line feed");
    }
    this.bytes = bytes;
  }

  /** The bytes to write, line feed included; not a copy, so they must not be changed. */
  byte[] bytes() {
    return bytes;
  }

  /** The JSON object's text, without the line feed. */
  @Override
  public String toString() {
    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
  }
}
