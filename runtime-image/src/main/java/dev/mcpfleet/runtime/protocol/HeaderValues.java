package dev.mcpfleet.runtime.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Header values as 2026-07-28 encodes them: plain ASCII, or {@code =?base64?…?=}. */
final class HeaderValues {

  private static final String PREFIX = "=?base64?";
  private static final String SUFFIX = "?=";

  private HeaderValues() {}

  /**
   * The value a header carries, decoded from the Base64 sentinel form when it uses it.
   *
   * @throws McpError -32020 when the header holds invalid characters or broken Base64
   */
  static String decode(String name, String raw) {
    if (raw.startsWith(PREFIX)
        && raw.endsWith(SUFFIX)
        && raw.length() >= PREFIX.length() + SUFFIX.length()) {
      String encoded = raw.substring(PREFIX.length(), raw.length() - SUFFIX.length());
      // Java's decoder tolerates missing padding; the header encoding does not.
      if (encoded.length() % 4 == 0) {
        try {
          return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      throw McpError.headerMismatch(
          "Header " + name + " holds invalid Base64 between =?base64? and ?=");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw McpError.headerMismatch(
            "Header "
                + name
                + " holds characters outside visible ASCII; encode it as =?base64?…?=");
      }
    }
    return raw;
  }
}
