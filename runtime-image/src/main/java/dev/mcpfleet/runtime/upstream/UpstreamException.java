package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to the upstream that did not get a result: the server answered with a JSON-RPC error,
 * the connection broke off, or no answer came in time.
 */
final class UpstreamException extends Exception {

  /** How the request failed. */
  enum Kind {
    /** The server answered with a JSON-RPC error (its code in {@link #code()}). */
    ANSWERED,
    /** The transport or the exchange broke: the server is unavailable for now. */
    UNAVAILABLE,
    /** No answer within the timeout. */
    TIMEOUT
  }

  private final Kind kind;
  private final int code;
  private final List<String> supported;

  private UpstreamException(Kind kind, int code, String message, List<String> supported) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.supported = List.copyOf(supported);
  }

  /** The server's JSON-RPC {@code error} object in answer to {@code method}. */
  static UpstreamException answered(String method, JsonNode error) {
    List<String> supported = new ArrayList<>();
    error.path("data").path("supported").forEach(v -> supported.add(v.asText()));
    return new UpstreamException(
        Kind.ANSWERED,
        error.path("code").asInt(-32603),
        "the upstream refused " + method + ": " + error.path("message").asText(""),
        supported);
  }

  static UpstreamException unavailable(String why) {
    return new UpstreamException(Kind.UNAVAILABLE, 0, why, List.of());
  }

  static UpstreamException timeout(String method, Duration timeout) {
    return new UpstreamException(
        Kind.TIMEOUT,
        0,
        "the upstream did not answer " + method + " within " + timeout.toMillis() + " ms",
        List.of());
  }

  Kind kind() {
    return kind;
  }

  /** The JSON-RPC error code of an {@link Kind#ANSWERED} failure. */
  int code() {
    return code;
  }

  /**
   * The protocol revisions a refused initialize says the server speaks ({@code data.supported}).
   */
  List<String> supported() {
    return supported;
  }

  /** Whether the server blamed the request (invalid params, unknown method or name). */
  boolean refusedRequest() {
    return kind == Kind.ANSWERED && (code == -32602 || code == -32601 || code == -32002);
  }
}
