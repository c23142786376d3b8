package dev.mcpfleet.e2e.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A stand-in identity provider: an RSA signing key, its JWKS served by a {@link StubApi}, and
 * access tokens for any subject, audience and groups.
 */
public final class TestIssuer {

  private final String issuer;
  private final RSAKey key;

  /**
   * Signs tokens as {@code issuer} and publishes the public key on {@code jwks} at {@code path}.
   */
  public TestIssuer(String issuer, StubApi jwks, String path) {
    this.issuer = issuer;
    try {
      this.key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    jwks.json("GET", path, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  /** A token valid for five minutes. */
  public String token(String subject, String audience, List<String> groups) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .claim("groups", groups)
            .issueTime(Date.from(Instant.now()))
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
