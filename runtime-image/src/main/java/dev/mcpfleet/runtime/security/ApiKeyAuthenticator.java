package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication by API key: the key comes in {@code Authorization: Bearer <key>} or {@code
 * X-API-Key} (or the header the manifest names), and the caller is the name of the key's file in
 * the mounted Secret.
 *
 * <p>A client sends the same key with every request of a connection; hashing it each time cost
 * about 4 % of a busy layered server's CPU. So each connection remembers the last key that verified
 * on it (its bytes, the caller, and the keys it was checked against): a request presenting the same
 * bytes, compared in constant time, while the store's keys are unchanged, passes as that caller. A
 * different key, or any change of the keys (rotation), is checked against the store again.
 */
public final class ApiKeyAuthenticator implements HttpGuard {

  private static final String BEARER = "Bearer ";
  private static final String X_API_KEY = "X-API-Key";

  /** The last key that verified on a connection, and its answer. */
  private record Remembered(byte[] key, ApiKeyStore.Verification verification, Pass pass) {}

  private static final AttributeKey<Remembered> LAST_VERIFIED =
      AttributeKey.valueOf(ApiKeyAuthenticator.class, "lastVerified");

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
    byte[] key = presented.get().getBytes(StandardCharsets.UTF_8);
    Attribute<Remembered> memory = head.connection().attr(LAST_VERIFIED);
    Remembered last = memory.get();
    if (last != null
        && MessageDigest.isEqual(last.key(), key)
        && keys.isCurrent(last.verification())) {
      return last.pass();
    }
    Optional<ApiKeyStore.Verification> verified = keys.verify(presented.get());
    if (verified.isEmpty()) {
      // A refused key does not replace the one remembered: it proves nothing about the connection.
      return challenge.unauthorized(
          "invalid_token",
          "the API key is not valid; check it, or ask for a new one if it was rotated");
    }
    Caller apiKeyCaller =
        new Caller(verified.get().caller(), Caller.Kind.API_KEY, Set.of(), Set.of());
    Pass pass = new Pass(apiKeyCaller);
    memory.set(new Remembered(key, verified.get(), pass));
    return pass;
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
