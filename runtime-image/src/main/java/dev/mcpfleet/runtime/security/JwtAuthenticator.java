package dev.mcpfleet.runtime.security;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Authentication by OAuth bearer JWT: the token only from {@code Authorization: Bearer} (never a
 * query parameter), checked by a {@link JwtVerifier}; the caller is the token's subject with its
 * groups and scopes. Requests without a usable token get 401 with the challenge that points MCP
 * clients at the protected-resource metadata; tokens without the required scopes get 403.
 */
public final class JwtAuthenticator implements HttpGuard {

  private static final String BEARER = "Bearer ";

  private final JwtVerifier verifier;
  private final BearerChallenge challenge;
  private final List<String> requiredScopes;
  private final String groupsClaim;

  public JwtAuthenticator(
      JwtVerifier verifier,
      BearerChallenge challenge,
      List<String> requiredScopes,
      String groupsClaim) {
    this.verifier = verifier;
    this.challenge = challenge;
    this.requiredScopes = List.copyOf(requiredScopes);
    this.groupsClaim = groupsClaim;
  }

  @Override
  public Decision check(RequestHead head, Caller caller) {
    String authorization = head.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null || authorization.isBlank()) {
      return challenge.unauthorized(
          null, "this server needs an OAuth access token in 'Authorization: Bearer <token>'");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return challenge.unauthorized(
          "invalid_request", "send the access token as 'Authorization: Bearer <token>'");
    }
    JWTClaimsSet claims;
    try {
      claims = verifier.verify(authorization.substring(BEARER.length()).trim());
    } catch (JwtVerifier.RejectedToken e) {
      return challenge.unauthorized("invalid_token", e.getMessage());
    }
    Caller authenticated =
        new Caller(claims.getSubject(), Caller.Kind.TOKEN, groups(claims), scopes(claims));
    for (String scope : requiredScopes) {
      if (!authenticated.scopes().contains(scope)) {
        return challenge.insufficientScope(
            scope,
            "the token lacks the scope '" + scope + "' that every call to this server needs");
      }
    }
    return new Pass(authenticated);
  }

  private Set<String> groups(JWTClaimsSet claims) {
    return values(claims, groupsClaim);
  }

  /** OAuth scopes: the space-separated {@code scope} claim (RFC 9068) or a {@code scp} list. */
  private static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>(values(claims, "scope"));
    scopes.addAll(values(claims, "scp"));
    return scopes;
  }

  /** A claim that is either a list of strings or one space-separated string. */
  private static Set<String> values(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value instanceof String s) {
      return s.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(s.trim().split("\\s+")));
    }
    try {
      List<String> list = claims.getStringListClaim(name);
      return list == null ? Set.of() : new LinkedHashSet<>(list);
    } catch (ParseException e) {
      return Set.of();
    }
  }
}
