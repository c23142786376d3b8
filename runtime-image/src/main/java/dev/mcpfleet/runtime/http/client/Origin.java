package dev.mcpfleet.runtime.http.client;

import java.net.URI;
import java.util.Locale;

/** Where connections go and are pooled: scheme, host and port. */
record Origin(boolean secure, String host, int port) {

  /**
   * The origin of {@code uri}.
   *
   * @throws IllegalArgumentException when it is not an absolute http or https URI with a host
   */
  static Origin of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("'" + uri + "' is not an http or https URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + uri + "' has no host");
    }
    boolean secure = scheme.equals("https");
    int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
    String host = uri.getHost();
    // URI keeps IPv6 literals in brackets; resolvers and TLS want them bare.
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Origin(secure, host.toLowerCase(Locale.ROOT), port);
  }

  /** The Host header: the port only when it is not the scheme's default. */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (secure ? 443 : 80) ? h : h + ":" + port;
  }

  @Override
  public String toString() {
    return (secure ? "https://" : "http://") + hostHeader();
  }
}
