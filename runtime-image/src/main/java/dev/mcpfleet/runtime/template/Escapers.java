package dev.mcpfleet.runtime.template;

import java.nio.charset.StandardCharsets;

/** The escapers of the manifest's template contexts. */
public final class Escapers {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Escapers() {}

  /** Plain text: the value's text as is. */
  public static final Escaper NONE = (value, out) -> out.append(Values.text(value));

  /**
   * A URL component (RFC 3986): everything but unreserved characters is percent-encoded, so a value
   * stays inside its path segment or query parameter.
   */
  public static final Escaper URL_COMPONENT =
      (value, out) -> {
        for (byte b : Values.text(value).getBytes(StandardCharsets.UTF_8)) {
          int c = b & 0xff;
          if ((c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~') {
            out.append((char) c);
          } else {
            out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
          }
        }
      };

  /** Inside a JSON string literal: the value's text, JSON-escaped. */
  public static final Escaper JSON_STRING = (value, out) -> jsonEscape(Values.text(value), out);

  /** Between JSON tokens: the value as one JSON value (an absent one as null). */
  public static final Escaper JSON_VALUE =
      (value, out) -> {
        if (value == null) {
          out.append("null");
        } else if (value.isTextual()) {
          out.append('"');
          jsonEscape(value.asText(), out);
          out.append('"');
        } else {
          out.append(value);
        }
      };

  /** An HTTP header value: as is, but a line break or other control character is refused. */
  public static final Escaper HEADER =
      (value, out) -> {
        String text = Values.text(value);
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw new IllegalArgumentException(
                "a header value cannot hold control characters such as line breaks");
          }
        }
        out.append(text);
      };

  private static void jsonEscape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
