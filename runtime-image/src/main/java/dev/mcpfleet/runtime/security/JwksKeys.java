package dev.mcpfleet.runtime.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.mcpfleet.runtime.observability.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys, fetched from its JWKS URI. Token checks run on the event loop, so they
 * only ever read the keys held in memory: fetching happens on a background virtual thread, on a
 * schedule and when a token names a key id not seen yet (at most once per {@code minRefetch}, so
 * forged key ids cannot make the server hammer the issuer). When the JWKS cannot be fetched, the
 * keys already held keep working and the health check says so.
 */
public final class JwksKeys implements HealthCheck, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
  private static final int MAX_JWKS_BYTES = 512 * 1024;

  private final URL uri;
  private final ResourceRetriever retriever;
  private final Duration refreshInterval;
  private final Duration minRefetch;
  private final Clock clock;
  private final AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet());
  private final AtomicBoolean fetching = new AtomicBoolean();
  private final AtomicReference<Instant> lastAttempt = new AtomicReference<>(Instant.EPOCH);
  private volatile Instant lastSuccess;
  private volatile String lastError = "not fetched yet";
  private volatile Thread scheduler;

  /**
   * @param uri the JWKS URI
   * @param refreshInterval how often the keys are fetched again (rotation)
   * @param minRefetch the shortest time between two fetches triggered by unknown key ids
   * @param httpTimeout connect and read timeout of one fetch
   */
  public JwksKeys(URI uri, Duration refreshInterval, Duration minRefetch, Duration httpTimeout) {
    this(
        uri,
        refreshInterval,
        minRefetch,
        new DefaultResourceRetriever(
            (int) httpTimeout.toMillis(), (int) httpTimeout.toMillis(), MAX_JWKS_BYTES),
        Clock.systemUTC());
  }

  JwksKeys(
      URI uri,
      Duration refreshInterval,
      Duration minRefetch,
      ResourceRetriever retriever,
      Clock clock) {
    try {
      this.uri = uri.toURL();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("jwksUri '" + uri + "' is not a URL: " + e.getMessage());
    }
    this.refreshInterval = refreshInterval;
    this.minRefetch = minRefetch;
    this.retriever = retriever;
    this.clock = clock;
  }

  /**
   * Fetches the keys now (so the first tokens find them; a failure is reported by the health check
   * and retried), then again every refresh interval, sooner after a failure.
   */
  public JwksKeys start() {
    boolean ok = fetch();
    scheduler = Thread.ofVirtual().name("jwks-refresh").start(() -> refreshLoop(ok));
    return this;
  }

  /**
   * A key source for token checks that never blocks: it selects from the keys in memory and, when
   * none match (a new key id after rotation), asks for a refetch in the background.
   */
  public JWKSource<SecurityContext> source() {
    return (JWKSelector selector, SecurityContext context) -> {
      List<JWK> found = selector.select(keys.get());
      if (found.isEmpty()) {
        refetchSoon();
      }
      return found;
    };
  }

  /** Fetches in the background unless a fetch ran less than {@code minRefetch} ago. */
  public void refetchSoon() {
    Instant previous = lastAttempt.get();
    Instant now = clock.instant();
    if (Duration.between(previous, now).compareTo(minRefetch) < 0
        || !lastAttempt.compareAndSet(previous, now)) {
      return;
    }
    Thread.ofVirtual().name("jwks-refetch").start(this::fetch);
  }

  /** Fetches the JWKS once, now, keeping the previous keys when it fails. */
  public boolean fetch() {
    if (!fetching.compareAndSet(false, true)) {
      return false;
    }
    try {
      lastAttempt.set(clock.instant());
      String body = retriever.retrieveResource(uri).getContent();
      JWKSet fetched = JWKSet.parse(body).toPublicJWKSet();
      keys.set(fetched);
      lastSuccess = clock.instant();
      lastError = null;
      LOG.debug("fetched {} signing keys from {}", fetched.getKeys().size(), uri);
      return true;
    } catch (IOException | ParseException | RuntimeException e) {
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warn("cannot fetch the signing keys from {}: {}", uri, lastError);
      return false;
    } finally {
      fetching.set(false);
    }
  }

  /** How many keys are held now. */
  public int size() {
    return keys.get().getKeys().size();
  }

  @Override
  public String name() {
    return "jwks";
  }

  @Override
  public Result check() {
    int held = size();
    if (lastError == null) {
      return Result.healthy(held + " signing keys from " + uri + ", fetched " + lastSuccess);
    }
    if (held > 0) {
      return Result.degraded(
          "cannot refresh the signing keys from "
              + uri
              + " ("
              + lastError
              + "); the "
              + held
              + " keys fetched "
              + lastSuccess
              + " still verify tokens");
    }
    return Result.degraded(
        "no signing keys yet from " + uri + " (" + lastError + "); every token is refused");
  }

  private void refreshLoop(boolean lastOk) {
    boolean ok = lastOk;
    while (!Thread.currentThread().isInterrupted()) {
      Duration wait = ok ? refreshInterval : min(refreshInterval, Duration.ofSeconds(30));
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        return;
      }
      ok = fetch();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops the scheduled refresh. */
  @Override
  public void close() {
    Thread t = scheduler;
    if (t != null) {
      t.interrupt();
    }
  }
}
