package dev.mcpfleet.runtime.transport;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An extra HTTP endpoint beside {@code /mcp} (health, readiness, metrics, OAuth metadata). It runs
 * on a virtual thread, so it may block briefly; the MCP endpoint's guards do not apply to it.
 */
@FunctionalInterface
public interface HttpEndpoint {

  Response handle(Request request) throws Exception;

  /**
   * What an endpoint sees of a request.
   *
   * @param method HTTP method
   * @param path path without the query
   * @param query the raw query string, empty when none
   * @param headers request headers
   * @param remote the peer's address
   */
  record Request(
      String method, String path, String query, HttpHeaders headers, InetSocketAddress remote) {}

  /**
   * An endpoint's answer.
   *
   * @param status HTTP status
   * @param contentType the body's media type
   * @param body the body
   * @param headers extra headers
   */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Response {
      headers = Map.copyOf(headers);
    }

    public static Response json(int status, String json) {
      return new Response(
          status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response text(int status, String contentType, String text) {
      return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }
}
