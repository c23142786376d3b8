package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.validation.TemplateText.Literal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;

/** Checks of literal values: base64 data and URIs (with placeholders standing for a value). */
final class Literals {

  private Literals() {}

  /** Reports {@code value} unless it is base64 (whitespace, e.g. from YAML line folding, aside). */
  static void base64(String value, String path, Problems out) {
    try {
      Base64.getDecoder().decode(stripWhitespace(value));
    } catch (IllegalArgumentException e) {
      out.add(
          path,
          "is not valid base64 ("
              + e.getMessage()
              + "); encode the bytes with e.g. `base64 -w0 file.png`");
    }
  }

  /** The value with spaces and line breaks removed, as base64 data is sent. */
  static String stripWhitespace(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Reports {@code template} unless it is an absolute URI once every placeholder stands for a plain
   * value.
   */
  static URI absoluteUri(TemplateText template, String path, Problems out) {
    StringBuilder sample = new StringBuilder();
    template.parts().forEach(p -> sample.append(p instanceof Literal l ? l.text() : "x"));
    try {
      URI uri = new URI(sample.toString());
      if (uri.getScheme() == null) {
        out.add(
            path,
            "'"
                + template.source()
                + "' has no scheme; write an absolute URI such as docs://handbook/intro or"
                + " https://example.com/a");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      out.add(
          path,
          "'"
              + template.source()
              + "' is not a valid URI ("
              + e.getReason()
              + " at character "
              + (e.getIndex() + 1)
              + "); percent-encode special characters");
      return null;
    }
  }
}
