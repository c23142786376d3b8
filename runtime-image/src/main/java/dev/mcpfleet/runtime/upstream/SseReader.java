package dev.mcpfleet.runtime.upstream;

import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Reads a {@code text/event-stream} body line by line and hands over the {@code data} of each event
 * (multi-line data joined with newlines; comments, {@code id}, {@code event} and {@code retry}
 * fields skipped), until the stream ends or the consumer says it has seen enough.
 */
final class SseReader {

  private SseReader() {}

  /**
   * Feeds each event's data to {@code onEvent}, which returns true to stop reading.
   *
   * @return true when {@code onEvent} stopped the reading, false when the stream ended
   */
  static boolean read(Iterator<String> lines, Predicate<String> onEvent) {
    StringBuilder data = null;
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (data != null && onEvent.test(data.toString())) {
          return true;
        }
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      if (!field.equals("data")) {
        continue;
      }
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (data == null) {
        data = new StringBuilder(value);
      } else {
        data.append('\n').append(value);
      }
    }
    return data != null && onEvent.test(data.toString());
  }
}
