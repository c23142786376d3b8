package dev.mcpfleet.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a bearer JWT as an OAuth 2.1 resource server must: signed with an allowed asymmetric
 * algorithm (never {@code none}, never HMAC) by a key of the issuer's JWKS (never one the token
 * carries in {@code jwk}, {@code jku} or {@code x5u}), {@code typ} JWT or at+jwt, the expected
 * issuer, one of this server's audiences, {@code exp} present and not passed, {@code nbf} and
 * {@code iat} not in the future (with a small clock skew).
 */
public final class JwtVerifier {

  /** Algorithms accepted when the manifest names none. */
  public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256");

  private static final Set<JOSEObjectType> TYPES =
      Set.of(
          JOSEObjectType.JWT,
          new JOSEObjectType("at+jwt"),
          new JOSEObjectType("application/at+jwt"));

  private final Set<JWSAlgorithm> algorithms;
  private final Set<String> audiences;
  private final Duration clockSkew;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** A token this server does not accept, with the reason in words a client developer can use. */
  public static final class RejectedToken extends Exception {
    private final boolean unknownKey;

    RejectedToken(String message, boolean unknownKey) {
      super(message, null, false, false);
      this.unknownKey = unknownKey;
    }

    /** True when the signing key is not (yet) known: worth a retry after a key rotation. */
    public boolean unknownKey() {
      return unknownKey;
    }
  }

  public JwtVerifier(
      String issuer,
      List<String> audiences,
      List<String> algorithms,
      Duration clockSkew,
      JWKSource<SecurityContext> keys) {
    this.algorithms = algorithms.stream().map(JwtVerifier::asymmetric).collect(Collectors.toSet());
    this.audiences = Set.copyOf(audiences);
    this.clockSkew = clockSkew;
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPES));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(this.algorithms, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            new HashSet<>(audiences),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("exp", "iss", "aud", "sub"),
            null);
    claims.setMaxClockSkew((int) clockSkew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** Verifies {@code token} and returns its claims, or says why it is refused. */
  public JWTClaimsSet verify(String token) throws RejectedToken {
    SignedJWT signed = parse(token);
    JWSAlgorithm alg = signed.getHeader().getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw new RejectedToken(
          "tokens signed with "
              + alg
              + " are refused; this server accepts "
              + algorithms.stream().map(JWSAlgorithm::getName).sorted().toList(),
          false);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(signed, null);
    } catch (BadJWTException e) {
      throw new RejectedToken(explainClaims(e.getMessage()), false);
    } catch (BadJOSEException e) {
      throw explainSignature(e.getMessage(), signed.getHeader().getKeyID());
    } catch (JOSEException e) {
      throw new RejectedToken("the token's signature cannot be checked: " + e.getMessage(), false);
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().isAfter(Instant.now().plus(clockSkew))) {
      throw new RejectedToken("the token's issue time (iat) is in the future", false);
    }
    return claims;
  }

  private static SignedJWT parse(String token) throws RejectedToken {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new RejectedToken("the bearer token is not a JWT: " + e.getMessage(), false);
    }
    return switch (jwt) {
      case SignedJWT signed -> signed;
      case PlainJWT plain ->
          throw new RejectedToken("unsigned tokens (alg none) are refused", false);
      case EncryptedJWT encrypted ->
          throw new RejectedToken("encrypted tokens are not accepted; send a signed JWT", false);
      default -> throw new RejectedToken("unsupported token type", false);
    };
  }

  private String explainClaims(String nimbus) {
    String m = nimbus == null ? "" : nimbus;
    if (m.startsWith("Expired JWT")) {
      return "the token has expired; get a new one from the authorization server";
    }
    if (m.contains("aud claim rejected") || m.contains("audience rejected")) {
      return "the token was issued for another audience; this server accepts tokens for "
          + audiences.stream().sorted().toList();
    }
    if (m.contains("iss claim has value") || m.contains("iss claim")) {
      return "the token comes from another issuer";
    }
    if (m.contains("before use time")) {
      return "the token is not valid yet (nbf is in the future)";
    }
    if (m.contains("missing required claims")) {
      return "the token lacks required claims: " + m.substring(m.indexOf('['));
    }
    return "the token's claims are refused: " + m;
  }

  private static RejectedToken explainSignature(String nimbus, String kid) {
    String m = nimbus == null ? "" : nimbus;
    if (m.contains("no matching key")) {
      return new RejectedToken(
          "the token is signed with a key this server does not know (kid "
              + kid
              + "); if the issuer has just rotated its keys, retry in a few seconds",
          true);
    }
    if (m.contains("Invalid signature")) {
      return new RejectedToken("the token's signature is invalid", false);
    }
    if (m.contains("typ")) {
      return new RejectedToken("the token's typ header must be JWT or at+jwt", false);
    }
    return new RejectedToken("the token is refused: " + m, false);
  }

  private static JWSAlgorithm asymmetric(String name) {
    JWSAlgorithm alg = JWSAlgorithm.parse(name);
    if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
      throw new IllegalArgumentException(
          "security.auth.jwt.algorithms: "
              + name
              + " is not an asymmetric signature algorithm; use RS256, PS256, ES256 or EdDSA");
    }
    return alg;
  }
}
