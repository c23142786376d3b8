package dev.mcpfleet.runtime.security;

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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An issuer for tests: RSA signing keys, a JWKS endpoint on a free loopback port that can be taken
 * down, and tokens minted to order.
 */
public final class JwksServer implements AutoCloseable {

  public static final String ISSUER = "https://issuer.test";
  public static final String AUDIENCE = "https://mcp.test/mcp";

  private final HttpServer server;
  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicBoolean down = new AtomicBoolean();
  public final AtomicInteger fetches = new AtomicInteger();
  private volatile RSAKey signing;

  public JwksServer() throws IOException {
    signing = newKey("key-1");
    published.set(new JWKSet(signing.toPublicJWK()));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
          if (down.get()) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  /** Makes the JWKS endpoint answer 503 (or normally again). */
  public void down(boolean isDown) {
    down.set(isDown);
  }

  /** Signs with a new key from now on and publishes it beside the old one. */
  public RSAKey rotate(String kid) {
    RSAKey next = newKey(kid);
    published.set(new JWKSet(List.of(next.toPublicJWK(), signing.toPublicJWK())));
    signing = next;
    return next;
  }

  /** Starts signing with a key that is not published yet. */
  public RSAKey signWithUnpublished(String kid) {
    signing = newKey(kid);
    return signing;
  }

  /** Publishes the current signing key. */
  public void publishCurrent() {
    published.set(new JWKSet(signing.toPublicJWK()));
  }

  public RSAKey signingKey() {
    return signing;
  }

  /** A valid token for {@code subject}, changed by {@code claims} and signed by the current key. */
  public String token(String subject, Consumer<JWTClaimsSet.Builder> claims) {
    return sign(signing, JOSEObjectType.JWT, subject, claims);
  }

  public String token(String subject) {
    return token(subject, c -> {});
  }

  /** A token signed by {@code key} with header type {@code type}. */
  public static String sign(
      RSAKey key, JOSEObjectType type, String subject, Consumer<JWTClaimsSet.Builder> claims) {
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    claims.accept(builder);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
              builder.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
