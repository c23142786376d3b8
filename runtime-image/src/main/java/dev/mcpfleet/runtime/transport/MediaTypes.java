package dev.mcpfleet.runtime.transport;

import java.util.Locale;

/** What a request's {@code Content-Type} and {@code Accept} headers say, without regexes. */
final class MediaTypes {

  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  private MediaTypes() {}

  /** Whether {@code contentType} is application/json (parameters such as charset ignored). */
  static boolean isJson(String contentType) {
    return contentType != null && essence(contentType).equals(JSON);
  }

  /** Whether an Accept header admits {@code type} (absent Accept admits everything). */
  static boolean accepts(String accept, String type) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String family = type.substring(0, type.indexOf('/')) + "/*";
    int start = 0;
    while (start <= accept.length()) {
      int comma = accept.indexOf(',', start);
      int end = comma < 0 ? accept.length() : comma;
      String range = essence(accept.substring(start, end));
      if ((range.equals(type) || range.equals(family) || range.equals("*/*"))
          && !rejected(accept.substring(start, end))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** A range with {@code q=0} says "not acceptable". */
  private static boolean rejected(String range) {
    int q = range.indexOf("q=");
    if (q < 0) {
      return false;
    }
    int end = range.indexOf(';', q);
    try {
      return Double.parseDouble(range.substring(q + 2, end < 0 ? range.length() : end).trim()) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
