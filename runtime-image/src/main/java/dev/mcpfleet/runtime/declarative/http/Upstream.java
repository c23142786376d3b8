package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.runtime.http.client.HttpCallException;
import java.net.URI;

/** How an upstream failure is told to the model: what happened and where, in one sentence. */
final class Upstream {

  private static final int EXCERPT = 500;

  private Upstream() {}

  /** The beginning of an upstream body, for messages. */
  static String excerpt(String body) {
    String b = body.strip();
    if (b.isEmpty()) {
      return "(empty body)";
    }
    return b.length() <= EXCERPT ? b : b.substring(0, EXCERPT) + "... (" + b.length() + " chars)";
  }

  static String status(String method, URI uri, int status, String body) {
    String kind = status >= 500 ? "failed" : "refused the request";
    return "The upstream "
        + kind
        + ": "
        + method
        + " "
        + where(uri)
        + " answered HTTP "
        + status
        + (status == 429 ? " (rate limited; try again later)" : "")
        + ". Body: "
        + excerpt(body);
  }

  static String redirect(String method, URI uri, int status, String location) {
    return method
        + " "
        + where(uri)
        + " answered HTTP "
        + status
        + " (redirect to "
        + (location == null ? "nowhere" : location)
        + "); MCP Fleet does not follow redirects, so point the tool's url at the final address";
  }

  static String failure(String method, URI uri, HttpCallException e) {
    String request = method + " " + where(uri);
    return switch (e.reason()) {
      case REFUSED ->
          "The upstream is unavailable: "
              + request
              + " refused the connection (is the service up and listening on "
              + port(uri)
              + "?).";
      case TOO_LARGE ->
          "The upstream's answer is too large: "
              + request
              + " "
              + e.getMessage()
              + "; ask for less (a filter or a page size in the url).";
      default -> "The upstream is unavailable: " + request + " " + e.getMessage() + ".";
    };
  }

  static String refusedHost(URI uri) {
    return "The host "
        + uri.getHost()
        + " is not in network.egress.allowedHosts, so MCP Fleet did not call it";
  }

  /** Scheme, host and path, without the query (which may carry personal data). */
  private static String where(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }

  private static String port(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }
}
