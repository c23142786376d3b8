package dev.mcpfleet.runtime.http.client;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for https upstreams on the JDK's own engine (no native library): the JDK's trust store unless
 * the settings name another, and the host name checked against the certificate. The context is
 * built on the first https connection, since loading the trust store takes a while.
 */
final class ClientTls {

  private final TrustManagerFactory trust;
  private volatile SslContext context;

  ClientTls(TrustManagerFactory trust) {
    this.trust = trust;
  }

  /**
   * A handler for one connection to {@code origin}, with its handshake bounded by {@code limit}.
   */
  SslHandler handler(ByteBufAllocator alloc, Origin origin, Duration limit) throws SSLException {
    // The host name goes to the engine for SNI and for the certificate check.
    SslHandler handler = context().newHandler(alloc, origin.host(), origin.port());
    handler.setHandshakeTimeoutMillis(Math.max(1, limit.toMillis()));
    return handler;
  }

  private SslContext context() throws SSLException {
    SslContext built = context;
    if (built == null) {
      synchronized (this) {
        built = context;
        if (built == null) {
          built =
              SslContextBuilder.forClient()
                  .sslProvider(SslProvider.JDK)
                  .trustManager(trust)
                  // Set here, not left to Netty's default, so that no system property turns it off.
                  .endpointIdentificationAlgorithm("HTTPS")
                  .build();
          context = built;
        }
      }
    }
    return built;
  }
}
