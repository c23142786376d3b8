package dev.mcpfleet.runtime.http.client;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers that go on the wire: the caller's, checked, plus those this client owns: {@code
 * Host}, {@code Content-Length} and a default {@code User-Agent}. Framing and connection headers
 * from the caller are refused, since a second {@code Content-Length} or a {@code Transfer-Encoding}
 * would let a request body smuggle another request to the upstream.
 */
final class RequestHeaders {

  /** Headers only this client may set: message framing and the connection's life. */
  static final Set<String> OWNED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "upgrade",
          "expect");

  private RequestHeaders() {}

  static HttpHeaders of(Origin origin, UpstreamRequest request, String userAgent) {
    // The caller's headers were validated as they were added; these need no second check.
    HttpHeaders wire =
        DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    wire.set(HttpHeaderNames.HOST, origin.hostHeader());
    boolean agent = false;
    for (Map.Entry<String, String> h : request.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (OWNED.contains(name)) {
        throw new IllegalArgumentException(
            "the header '" + h.getKey() + "' is set by MCP Fleet's HTTP client; remove it");
      }
      agent |= name.equals("user-agent");
      wire.add(h.getKey(), value(h.getValue()));
    }
    if (!agent) {
      wire.set(HttpHeaderNames.USER_AGENT, userAgent);
    }
    byte[] body = request.body();
    if (body != null || carriesBody(request.method())) {
      wire.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
    }
    return wire;
  }

  /** The request target: path and query as sent, non-ASCII characters percent-encoded. */
  static String target(URI uri) {
    String raw = uri.getRawPath();
    String query = uri.getRawQuery();
    String target = (raw == null || raw.isEmpty() ? "/" : raw) + (query == null ? "" : "?" + query);
    for (int i = 0; i < target.length(); i++) {
      if (target.charAt(i) > 0x7e) {
        URI ascii = URI.create(uri.toASCIIString());
        return target(ascii);
      }
    }
    return target;
  }

  private static boolean carriesBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /**
   * The value as it goes on the wire. Netty writes a {@code String} as US-ASCII (other characters
   * become '?'); a value with characters beyond it is sent as its UTF-8 bytes instead, which HTTP
   * carries as opaque octets (RFC 9110 obs-text) and which is how upstreams decode them today.
   */
  private static CharSequence value(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7e) {
        return new AsciiString(value.getBytes(StandardCharsets.UTF_8), false);
      }
    }
    return value;
  }
}
