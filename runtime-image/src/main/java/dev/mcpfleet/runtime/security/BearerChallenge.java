package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;

/**
 * The answers of an OAuth resource server to a request it refuses, as MCP's authorization rules
 * want them: 401 with {@code WWW-Authenticate: Bearer resource_metadata="..."} (and {@code
 * error="invalid_token"} when a token was sent but is bad), 403 with {@code
 * error="insufficient_scope"} and the scope needed. The JSON body carries the guide's error.
 *
 * @param metadata where clients find the authorization server, or null (API keys)
 * @param realm the realm named when there is no metadata
 * @param scopes scopes every caller needs, named in 401 challenges
 */
public record BearerChallenge(
    ProtectedResourceMetadata metadata, String realm, List<String> scopes) {

  /** JSON-RPC code of the rejection bodies (the HTTP status says the rest). */
  static final int INVALID_REQUEST = -32600;

  public BearerChallenge {
    scopes = List.copyOf(scopes);
  }

  /**
   * 401: no usable credentials.
   *
   * @param error null when none were sent, else {@code invalid_token} or {@code invalid_request}
   * @param message what is wrong and what to do
   */
  public HttpGuard.Reject unauthorized(String error, String message) {
    StringBuilder header = new StringBuilder("Bearer ");
    if (metadata != null) {
      header.append("resource_metadata=\"").append(metadata.metadataUrl()).append('"');
    } else {
      header.append("realm=\"").append(quoted(realm)).append('"');
    }
    if (!scopes.isEmpty()) {
      header.append(", scope=\"").append(String.join(" ", scopes)).append('"');
    }
    if (error != null) {
      header.append(", error=\"").append(error).append('"');
      header.append(", error_description=\"").append(quoted(message)).append('"');
    }
    return reject(
        HttpResponseStatus.UNAUTHORIZED,
        header.toString(),
        ClassifiedError.client(ClassifiedError.UNAUTHENTICATED, message));
  }

  /** 403: the token is good but lacks {@code scope}. */
  public HttpGuard.Reject insufficientScope(String scope, String message) {
    StringBuilder header =
        new StringBuilder("Bearer error=\"insufficient_scope\", scope=\"")
            .append(scope)
            .append('"');
    if (metadata != null) {
      header.append(", resource_metadata=\"").append(metadata.metadataUrl()).append('"');
    }
    return reject(
        HttpResponseStatus.FORBIDDEN,
        header.toString(),
        ClassifiedError.client(ClassifiedError.ACCESS_DENIED, message));
  }

  private static HttpGuard.Reject reject(
      HttpResponseStatus status, String challenge, ClassifiedError error) {
    return new HttpGuard.Reject(
        status, Map.of("WWW-Authenticate", challenge), error.toJsonRpcError(INVALID_REQUEST));
  }

  /** Makes a value safe inside a quoted-string: no quotes, backslashes or line breaks. */
  private static String quoted(String value) {
    return value.replaceAll("[\"\\\\\\r\\n]", "'");
  }
}
