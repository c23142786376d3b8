package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.validation.TemplateText.Literal;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks of literal values: base64 data and URIs (with placeholders standing for a value). */
final class Literals {

  private Literals() {}

  /** Reports {@code value} unless it is base64 (whitespace, e.g. from YAML line folding, aside). */
  static void base64(String value, String path, Problems out) {
    String problem = Base64Data.problem(value);
    if (problem != null) {
      out.add(
          path,
          "is not valid base64 ("
              + problem
              + "); encode the bytes with e.g. `base64 -w0 file.png`");
    }
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
