package dev.mcpfleet.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AttributeMap;
import io.netty.util.DefaultAttributeMap;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A check on an MCP request's HTTP head, before its body is parsed: authentication establishes the
 * caller, the rate limit counts it. Guards run in {@link Pipeline} order; each sees the caller the
 * previous one established. Implementations must not block (they run on the event loop).
 */
public interface HttpGuard {

  /** Lets the request pass as {@code caller}, or rejects it. */
  Decision check(RequestHead head, Caller caller);

  /**
   * What a guard sees of a request.
   *
   * @param method HTTP method
   * @param path request path, without the query
   * @param headers request headers
   * @param remote the peer's address
   * @param connection what guards remember between the requests of one connection (each under its
   *     own {@link io.netty.util.AttributeKey}), e.g. the last API key that verified on it
   */
  record RequestHead(
      String method,
      String path,
      HttpHeaders headers,
      InetSocketAddress remote,
      AttributeMap connection) {

    /** A request whose connection remembers nothing between requests. */
    public RequestHead(String method, String path, HttpHeaders headers, InetSocketAddress remote) {
      this(method, path, headers, remote, new DefaultAttributeMap());
    }
  }

  /** A guard's decision. */
  sealed interface Decision {}

  /** The request goes on, made by {@code caller}. */
  record Pass(Caller caller) implements Decision {}

  /**
   * The request is refused with this HTTP status, extra headers (e.g. {@code WWW-Authenticate},
   * {@code Retry-After}) and a JSON body: a JSON-RPC error without id, whose message says what to
   * do.
   */
  record Reject(HttpResponseStatus status, Map<String, String> headers, JsonNode body)
      implements Decision {}
}
