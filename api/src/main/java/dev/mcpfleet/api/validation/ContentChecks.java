package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.spec.ContentSpec;
import dev.mcpfleet.api.spec.ContentSpec.EmbeddedResourceSpec;

/**
 * Checks one content block of a text tool or prompt message: its templates name only what the scope
 * declares, literal data is base64 and URIs are absolute.
 */
final class ContentChecks {

  private ContentChecks() {}

  static void check(ContentSpec content, String path, Scope scope, Problems out) {
    if (content == null) {
      return;
    }
    scope.check(content.text(), Problems.at(path, "text"), out);
    data(content.data(), Problems.at(path, "data"), scope, out);
    scope.check(content.mimeType(), Problems.at(path, "mimeType"), out);
    uri(content.uri(), Problems.at(path, "uri"), scope, out);
    scope.check(content.name(), Problems.at(path, "name"), out);
    scope.check(content.description(), Problems.at(path, "description"), out);
    EmbeddedResourceSpec resource = content.resource();
    if (resource != null) {
      String at = Problems.at(path, "resource");
      uri(resource.uri(), Problems.at(at, "uri"), scope, out);
      scope.check(resource.mimeType(), Problems.at(at, "mimeType"), out);
      scope.check(resource.text(), Problems.at(at, "text"), out);
      data(resource.blob(), Problems.at(at, "blob"), scope, out);
    }
  }

  /** Base64 data; a placeholder may supply it (checked when the call renders it). */
  static void data(String data, String path, Scope scope, Problems out) {
    TemplateText text = scope.check(data, path, out);
    if (text != null && !text.hasPlaceholders()) {
      Literals.base64(data, path, out);
    }
  }

  static void uri(String uri, String path, Scope scope, Problems out) {
    TemplateText text = scope.check(uri, path, out);
    if (text != null) {
      Literals.absoluteUri(text, path, out);
    }
  }
}
