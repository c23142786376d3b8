package dev.mcpfleet.runtime.http.client;

import java.time.Duration;
import javax.net.ssl.TrustManagerFactory;

/**
 * How an {@link UpstreamHttpClient} connects, pools and reads.
 *
 * @param connectTimeout the longest a TCP connection and its TLS handshake may take each; a
 *     request's own timeout, when shorter, bounds them too
 * @param maxConnectionsPerHost open connections per scheme, host and port at most; more calls at
 *     once wait for one to come free, within their timeout
 * @param maxWaitingPerHost calls waiting for a connection to one host at most; more fail at once
 *     (the upstream is overwhelmed, queueing would only add latency)
 * @param idleTimeout pooled connections unused this long are closed (before the upstream's own
 *     keep-alive timeout, typically 60 s or more, would close them under a request)
 * @param maxHeaderBytes the largest answer head (status line and headers) read
 * @param maxResponseBytes the largest answer body read; a larger one fails the request, and is
 *     never held in memory whole
 * @param trust the certificates trusted for https, or null for the JDK's trust store
 */
public record ClientSettings(
    Duration connectTimeout,
    int maxConnectionsPerHost,
    int maxWaitingPerHost,
    Duration idleTimeout,
    int maxHeaderBytes,
    int maxResponseBytes,
    TrustManagerFactory trust) {

  /** Answers larger than this are refused by default: 16 MiB. */
  public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  public ClientSettings {
    if (maxConnectionsPerHost < 1 || maxWaitingPerHost < 1 || maxResponseBytes < 0) {
      throw new IllegalArgumentException(
          "maxConnectionsPerHost and maxWaitingPerHost must be at least 1, maxResponseBytes at"
              + " least 0");
    }
  }

  /**
   * 10 s to connect (as the JDK client had); 64 connections per host with up to 1,024 calls
   * waiting; idle connections closed after 30 s; heads up to 64 KiB, bodies up to 16 MiB; the JDK's
   * trust store.
   */
  public static ClientSettings defaults() {
    return new ClientSettings(
        Duration.ofSeconds(10), 64, 1024, Duration.ofSeconds(30), 65536, MAX_RESPONSE_BYTES, null);
  }

  /** These settings trusting {@code trust} instead of the JDK's trust store. */
  public ClientSettings trusting(TrustManagerFactory trust) {
    return new ClientSettings(
        connectTimeout,
        maxConnectionsPerHost,
        maxWaitingPerHost,
        idleTimeout,
        maxHeaderBytes,
        maxResponseBytes,
        trust);
  }

  /** These settings with at most {@code max} connections per host. */
  public ClientSettings maxConnectionsPerHost(int max) {
    return new ClientSettings(
        connectTimeout,
        max,
        maxWaitingPerHost,
        idleTimeout,
        maxHeaderBytes,
        maxResponseBytes,
        trust);
  }

  /** These settings reading answer bodies of at most {@code max} bytes. */
  public ClientSettings maxResponseBytes(int max) {
    return new ClientSettings(
        connectTimeout,
        maxConnectionsPerHost,
        maxWaitingPerHost,
        idleTimeout,
        maxHeaderBytes,
        max,
        trust);
  }

  /** These settings closing pooled connections idle for {@code idle}. */
  public ClientSettings idleTimeout(Duration idle) {
    return new ClientSettings(
        connectTimeout,
        maxConnectionsPerHost,
        maxWaitingPerHost,
        idle,
        maxHeaderBytes,
        maxResponseBytes,
        trust);
  }
}
