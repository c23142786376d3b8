package dev.mcpfleet.runtime.http.client;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.time.Duration;

/**
 * One request to an upstream.
 *
 * @param method the HTTP method, upper case
 * @param uri an absolute http or https URI
 * @param headers the request's headers; names and values are validated as they are added (no line
 *     breaks or control characters), and {@link UpstreamHttpClient} refuses those it sets itself
 * @param body the body, or null for none
 * @param timeout how long the whole exchange may take: waiting for a connection, connecting, and
 *     receiving the complete answer
 */
public record UpstreamRequest(
    String method, URI uri, HttpHeaders headers, byte[] body, Duration timeout) {

  /** An empty header set that validates what is added to it. */
  public static HttpHeaders newHeaders() {
    return DefaultHttpHeadersFactory.headersFactory().newHeaders();
  }

  /** True for methods that may be sent again when a reused connection dropped them unanswered. */
  boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
      default -> false;
    };
  }
}
