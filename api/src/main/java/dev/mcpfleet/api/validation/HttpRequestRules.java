package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.spec.HttpHeaderSpec;
import dev.mcpfleet.api.spec.HttpToolSpec;
import dev.mcpfleet.api.validation.TemplateText.Literal;
import dev.mcpfleet.api.validation.TemplateText.Part;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks of an HTTP tool's request: the URL template keeps its scheme and host literal (so the
 * egress allow-list holds whatever the arguments), placeholders name arguments, headers are ones a
 * client may set, and a body goes only with a method that carries one.
 */
final class HttpRequestRules {

  /** Headers the JDK HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private HttpRequestRules() {}

  static void check(HttpToolSpec http, String path, Scope scope, Egress egress, Problems out) {
    url(http.url(), Problems.at(path, "url"), scope, egress, out);
    List<HttpHeaderSpec> headers = http.headers();
    for (int i = 0; headers != null && i < headers.size(); i++) {
      HttpHeaderSpec h = headers.get(i);
      String at = Problems.at(Problems.at(path, "headers"), i);
      if (h.name() != null && RESTRICTED_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
        out.add(
            Problems.at(at, "name"),
            "'" + h.name() + "' is set by the runtime's HTTP client; remove this header");
      }
      scope.check(h.value(), Problems.at(at, "value"), out);
    }
    scope.check(http.body(), Problems.at(path, "body"), out);
    HttpToolSpec.Method method = http.method() == null ? HttpToolSpec.Method.GET : http.method();
    if (http.body() != null
        && (method == HttpToolSpec.Method.GET || method == HttpToolSpec.Method.HEAD)) {
      out.add(
          Problems.at(path, "body"),
          "a "
              + method
              + " request carries no body; set method POST, PUT or PATCH, or remove body");
    }
  }

  private static void url(String url, String path, Scope scope, Egress egress, Problems out) {
    TemplateText text = scope.check(url, path, out);
    if (text == null) {
      return;
    }
    if (text.hasPlaceholders() && !authorityIsLiteral(literalPrefix(text))) {
      out.add(
          path,
          "placeholders may not form the scheme or host; write the host literally, e.g."
              + " https://api.example.com/v1/{{path}}");
      return;
    }
    URI uri = Literals.absoluteUri(text, path, out);
    if (uri == null) {
      return;
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      out.add(path, "'" + url + "' needs an http or https scheme and a host name");
    } else if (!EgressHosts.permits(egress.allowedHosts(), uri.getHost())) {
      out.add(
          path,
          "calls host '"
              + uri.getHost()
              + "', which spec.network.egress.allowedHosts does not list; add it there (or a"
              + " pattern such as *."
              + uri.getHost().substring(uri.getHost().indexOf('.') + 1)
              + ")");
    } else if (egress.ports() != null && !egress.ports().contains(port(uri))) {
      out.add(
          path,
          "calls port "
              + port(uri)
              + ", which the NetworkPolicy does not open (spec.network.egress.ports: "
              + egress.ports()
              + "); add the port there"
              + ("http".equals(uri.getScheme()) ? " or call the API over https" : ""));
    }
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  /** True when the scheme and authority end before the literal prefix does. */
  private static boolean authorityIsLiteral(String prefix) {
    int scheme = prefix.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    for (int i = scheme + 3; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return true;
      }
    }
    return false;
  }

  /** The text before the first placeholder. */
  private static String literalPrefix(TemplateText text) {
    StringBuilder sb = new StringBuilder();
    for (Part p : text.parts()) {
      if (!(p instanceof Literal l)) {
        break;
      }
      sb.append(l.text());
    }
    return sb.toString();
  }
}
