package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthenticatorTest {

  private JwksServer issuer;
  private JwksKeys keys;
  private JwtAuthenticator authenticator;
  private final ProtectedResourceMetadata metadata =
      ProtectedResourceMetadata.of(
          JwksServer.AUDIENCE, List.of(JwksServer.ISSUER), List.of("tools.read"), null);

  @BeforeEach
  void start() throws Exception {
    issuer = new JwksServer();
    keys =
        new JwksKeys(
            issuer.uri(), Duration.ofMinutes(5), Duration.ofMillis(300), Duration.ofSeconds(2));
    assertThat(keys.fetch()).isTrue();
    authenticator = authenticator(List.of());
  }

  @AfterEach
  void stop() {
    keys.close();
    issuer.close();
  }

  private JwtAuthenticator authenticator(List<String> requiredScopes) {
    return new JwtAuthenticator(
        new JwtVerifier(
            JwksServer.ISSUER,
            List.of(JwksServer.AUDIENCE),
            JwtVerifier.DEFAULT_ALGORITHMS,
            Duration.ofSeconds(30),
            keys.source()),
        new BearerChallenge(metadata, "test", requiredScopes),
        requiredScopes,
        "groups");
  }

  private HttpGuard.Decision present(String token) {
    return authenticator.check(head(Map.of("Authorization", "Bearer " + token)), Caller.ANONYMOUS);
  }

  private static HttpGuard.Reject rejected(HttpGuard.Decision decision) {
    assertThat(decision).isInstanceOf(HttpGuard.Reject.class);
    return (HttpGuard.Reject) decision;
  }

  private static void assertInvalidToken(HttpGuard.Decision decision, String reason) {
    HttpGuard.Reject reject = rejected(decision);
    assertThat(reject.status().code()).isEqualTo(401);
    assertThat(reject.headers().get("WWW-Authenticate"))
        .contains("error=\"invalid_token\"")
        .contains(
            "resource_metadata=\"https://mcp.test/.well-known/oauth-protected-resource/mcp\"");
    assertThat(reject.body().path("error").path("message").asText()).contains(reason);
    assertThat(reject.body().path("error").path("data").path("code").asText())
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void validTokenMakesItsSubjectTheCallerWithGroupsAndScopes() {
    String token =
        issuer.token(
            "alice",
            c ->
                c.claim("groups", List.of("staff", "ops"))
                    .claim("scope", "tools.read tools.write"));

    HttpGuard.Decision decision = present(token);

    assertThat(decision).isInstanceOf(HttpGuard.Pass.class);
    Caller caller = ((HttpGuard.Pass) decision).caller();
    assertThat(caller.id()).isEqualTo("alice");
    assertThat(caller.kind()).isEqualTo(Caller.Kind.TOKEN);
    assertThat(caller.groups()).containsExactlyInAnyOrder("staff", "ops");
    assertThat(caller.scopes()).containsExactlyInAnyOrder("tools.read", "tools.write");
  }

  @Test
  void atJwtTypeIsAccepted() {
    String token =
        JwksServer.sign(issuer.signingKey(), new JOSEObjectType("at+jwt"), "bob", c -> {});

    assertThat(present(token)).isInstanceOf(HttpGuard.Pass.class);
  }

  @Test
  void missingTokenGets401PointingAtTheResourceMetadata() {
    HttpGuard.Reject reject = rejected(authenticator.check(head(Map.of()), Caller.ANONYMOUS));

    assertThat(reject.status().code()).isEqualTo(401);
    assertThat(reject.headers().get("WWW-Authenticate"))
        .isEqualTo(
            "Bearer resource_metadata=\"https://mcp.test/.well-known/oauth-protected-resource/mcp\"");
    assertThat(reject.body().path("error").path("message").asText())
        .contains("Authorization: Bearer");
  }

  @Test
  void tokenInTheQueryStringIsNotLookedAt() {
    HttpGuard.RequestHead head =
        new HttpGuard.RequestHead(
            "POST",
            "/mcp",
            new io.netty.handler.codec.http.DefaultHttpHeaders(),
            new java.net.InetSocketAddress("127.0.0.1", 1));

    assertThat(rejected(authenticator.check(head, Caller.ANONYMOUS)).status().code())
        .isEqualTo(401);
  }

  @Test
  void expiredTokenIsRefused() {
    String token =
        issuer.token("alice", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))));

    assertInvalidToken(present(token), "expired");
  }

  @Test
  void tokenWithoutExpiryIsRefused() {
    String token = issuer.token("alice", c -> c.expirationTime(null));

    assertInvalidToken(present(token), "exp");
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    String token = issuer.token("alice", c -> c.audience("https://other.test/mcp"));

    assertInvalidToken(present(token), "another audience");
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    String token = issuer.token("alice", c -> c.issuer("https://evil.test"));

    assertInvalidToken(present(token), "another issuer");
  }

  @Test
  void tokenNotValidYetIsRefused() {
    String token =
        issuer.token("alice", c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))));

    assertInvalidToken(present(token), "not valid yet");
  }

  @Test
  void tokenIssuedInTheFutureIsRefused() {
    String token =
        issuer.token("alice", c -> c.issueTime(Date.from(Instant.now().plusSeconds(600))));

    assertInvalidToken(present(token), "future");
  }

  @Test
  void smallClockSkewIsTolerated() {
    String token =
        issuer.token(
            "alice",
            c ->
                c.expirationTime(Date.from(Instant.now().minusSeconds(10)))
                    .notBeforeTime(Date.from(Instant.now().plusSeconds(10))));

    assertThat(present(token)).isInstanceOf(HttpGuard.Pass.class);
  }

  @Test
  void forgedTokenSignedByAnotherKeyWithTheSameKidIsRefused() {
    RSAKey forger = JwksServer.newKey(issuer.signingKey().getKeyID());
    String token = JwksServer.sign(forger, JOSEObjectType.JWT, "mallory", c -> {});

    assertInvalidToken(present(token), "signature is invalid");
  }

  @Test
  void tamperedClaimsAreRefused() {
    String[] parts = issuer.token("alice").split("\\.");
    String forgedClaims =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"iss\":\"https://issuer.test\",\"aud\":\"https://mcp.test/mcp\",\"sub\":\"admin\","
                        + "\"exp\":"
                        + (Instant.now().getEpochSecond() + 600)
                        + "}")
                    .getBytes());

    assertInvalidToken(present(parts[0] + "." + forgedClaims + "." + parts[2]), "signature");
  }

  @Test
  void unsignedTokenIsRefused() {
    String token =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .issuer(JwksServer.ISSUER)
                    .audience(JwksServer.AUDIENCE)
                    .subject("mallory")
                    .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build())
            .serialize();

    assertInvalidToken(present(token), "alg none");
  }

  @Test
  void hmacTokenIsRefusedEvenWhenSignedWithThePublicKey() throws Exception {
    // The classic confusion attack: HS256 keyed with the issuer's public key bytes.
    byte[] secret = issuer.signingKey().toPublicJWK().toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(issuer.signingKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(JwksServer.ISSUER)
                .audience(JwksServer.AUDIENCE)
                .subject("mallory")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    jwt.sign(new MACSigner(secret));

    assertInvalidToken(present(jwt.serialize()), "HS256");
  }

  @Test
  void keyEmbeddedInTheTokenHeaderIsNeverTrusted() throws Exception {
    RSAKey attacker = JwksServer.newKey("attacker");
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker")
                .jwk(attacker.toPublicJWK())
                .jwkURL(java.net.URI.create("https://evil.test/jwks"))
                .type(JOSEObjectType.JWT)
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(JwksServer.ISSUER)
                .audience(JwksServer.AUDIENCE)
                .subject("mallory")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    jwt.sign(new RSASSASigner(attacker));

    assertInvalidToken(present(jwt.serialize()), "key this server does not know");
  }

  @Test
  void tokenWithAnUnexpectedTypeIsRefused() {
    String token =
        JwksServer.sign(issuer.signingKey(), new JOSEObjectType("id+jwt"), "alice", c -> {});

    assertInvalidToken(present(token), "typ");
  }

  @Test
  void garbageIsRefusedWithAClearMessage() {
    assertInvalidToken(present("not-a-jwt"), "not a JWT");
  }

  @Test
  void tokenWithoutARequiredScopeGets403NamingTheScope() {
    authenticator = authenticator(List.of("mcp.use"));
    String token = issuer.token("alice", c -> c.claim("scope", "tools.read"));

    HttpGuard.Reject reject = rejected(present(token));

    assertThat(reject.status().code()).isEqualTo(403);
    assertThat(reject.headers().get("WWW-Authenticate"))
        .startsWith("Bearer error=\"insufficient_scope\", scope=\"mcp.use\"")
        .contains("resource_metadata=");
    assertThat(reject.body().path("error").path("data").path("code").asText())
        .isEqualTo("ACCESS_DENIED");
  }

  @Test
  void rotatedKeyIsFetchedWhenATokenNamesIt() {
    issuer.rotate("key-2");
    String token = issuer.token("alice");

    assertInvalidToken(present(token), "retry in a few seconds");

    await().atMost(Duration.ofSeconds(5)).until(() -> present(token) instanceof HttpGuard.Pass);
  }

  @Test
  void unknownKeyIdsRefetchAtMostOncePerInterval() throws Exception {
    keys.close();
    keys =
        new JwksKeys(
            issuer.uri(), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(2));
    keys.fetch();
    authenticator = authenticator(List.of());
    int before = issuer.fetches.get();
    RSAKey forger = JwksServer.newKey("unknown");

    for (int i = 0; i < 50; i++) {
      present(JwksServer.sign(forger, JOSEObjectType.JWT, "mallory", c -> {}));
    }
    Thread.sleep(300);

    assertThat(issuer.fetches.get() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void cachedKeysKeepWorkingWhileTheJwksIsUnreachable() {
    issuer.down(true);
    assertThat(keys.fetch()).isFalse();

    assertThat(present(issuer.token("alice"))).isInstanceOf(HttpGuard.Pass.class);
    assertThat(keys.check().status())
        .isEqualTo(dev.mcpfleet.runtime.observability.HealthCheck.Status.DEGRADED);
    assertThat(keys.check().message()).contains("still verify tokens");
  }

  @Test
  void healthIsHealthyAfterAFetch() {
    assertThat(keys.check().status())
        .isEqualTo(dev.mcpfleet.runtime.observability.HealthCheck.Status.HEALTHY);
    assertThat(keys.size()).isEqualTo(1);
  }
}
