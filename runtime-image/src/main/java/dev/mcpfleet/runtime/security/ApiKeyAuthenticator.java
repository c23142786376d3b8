package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication by API key: the key comes in {@code Authorization: Bearer <key>} or {@code
 * X-API-Key} (or the header the manifest names), and the caller is the name of the key's file in
 * the mounted Secret.
 */
public final class ApiKeyAuthenticator implements HttpGuard {

  private static final String BEARER = "Bearer ";
  private static final String X_API_KEY = "X-API-Key";

  private final ApiKeyStore keys;
  private final String header;
  private final BearerChallenge challenge;

  /**
   * @param header the header carrying the key; null or Authorization for the default (Bearer, with
   *     X-API-Key also accepted)
   */
  public ApiKeyAuthenticator(ApiKeyStore keys, String header, BearerChallenge challenge) {
    this.keys = keys;
    this.header = header == null ? HttpHeaderNames.AUTHORIZATION.toString() : header;
    this.challenge = challenge;
  }

  @Override
  public Decision check(RequestHead head, Caller caller) {
    Optional<String> presented = presentedKey(head);
    if (presented.isEmpty()) {
      return challenge.unauthorized(null, "this server needs an API key in " + howToSend());
    }
    return keys.callerFor(presented.get())
        .<Decision>map(name -> new Pass(new Caller(name, Caller.Kind.API_KEY, Set.of(), Set.of())))
        .orElseGet(
            () ->
                challenge.unauthorized(
                    "invalid_token",
                    "the API key is not valid; check it, or ask for a new one if it was rotated"));
  }

  private Optional<String> presentedKey(RequestHead head) {
    if (header.equalsIgnoreCase(HttpHeaderNames.AUTHORIZATION.toString())) {
      String authorization = head.headers().get(HttpHeaderNames.AUTHORIZATION);
      if (authorization != null
          && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return nonBlank(authorization.substring(BEARER.length()));
      }
      return nonBlank(head.headers().get(X_API_KEY));
    }
    return nonBlank(head.headers().get(header));
  }

  private String howToSend() {
    return header.equalsIgnoreCase(HttpHeaderNames.AUTHORIZATION.toString())
        ? "'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
        : "the '" + header + "' header";
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
