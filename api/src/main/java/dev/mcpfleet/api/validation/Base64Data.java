package dev.mcpfleet.api.validation;

import java.util.Base64;

/**
 * Base64 data as manifests hold it (images, audio, blobs): whitespace from YAML line folding is
 * dropped before the data is checked or sent.
 */
public final class Base64Data {

  private Base64Data() {}

  /** The data without whitespace, as it is sent to clients. */
  public static String normalize(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Why {@code value} is not base64, or null when it is. */
  public static String problem(String value) {
    try {
      Base64.getDecoder().decode(normalize(value));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The number of bytes {@code value} decodes to (which must be valid base64). */
  public static long decodedLength(String value) {
    return Base64.getDecoder().decode(normalize(value)).length;
  }
}
