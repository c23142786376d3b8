package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.resilience.UpstreamTimeoutException;
import dev.mcpfleet.runtime.resilience.UpstreamUnavailableException;
import dev.mcpfleet.runtime.spi.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one upstream running: starts it, performs the handshake, lists it, hands the catalog over,
 * lists again when the server says a list changed, and when it dies (the process exits, the session
 * ends) fails the calls in flight with UPSTREAM_UNAVAILABLE and starts it again after a backoff
 * that doubles with every failure in a row (reset once it stayed up a while).
 */
final class UpstreamSupervisor implements UpstreamLink, UpstreamSession.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSupervisor.class);

  private final String name;
  private final UpstreamLaunch launch;
  private volatile UpstreamSettings settings;
  private final UpstreamHealth health;
  private final String fallbackName;
  private final Consumer<Catalog> catalogs;
  private final Set<String> stale = ConcurrentHashMap.newKeySet();
  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("upstream-refresh").factory());
  private volatile UpstreamSession session;
  private volatile Handshake.ServerFacts facts;
  private volatile Catalog catalog;
  private volatile CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile long nextAttemptNanos;
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param name the upstream's name in errors, as its breaker knows it ({@code Upstreams})
   * @param fallbackName the server's name until (or unless) it gives its own
   * @param catalogs hears every new catalog
   */
  UpstreamSupervisor(
      String name,
      UpstreamLaunch launch,
      UpstreamSettings settings,
      UpstreamHealth health,
      String fallbackName,
      Consumer<Catalog> catalogs) {
    this.name = name;
    this.launch = launch;
    this.settings = settings;
    this.health = health;
    this.fallbackName = fallbackName;
    this.catalogs = catalogs;
  }

  /** Timeouts of a reloaded manifest that fronts the same upstream. */
  void settings(UpstreamSettings settings) {
    this.settings = settings;
  }

  void start() {
    thread = Thread.ofPlatform().daemon().name("upstream-supervisor").start(this::run);
  }

  private void run() {
    int failures = 0;
    while (!closed) {
      long started = System.nanoTime();
      String why = connectAndServe();
      if (closed) {
        return;
      }
      boolean wasStable = System.nanoTime() - started >= settings.stableAfter().toNanos();
      failures = wasStable ? 1 : failures + 1;
      Duration backoff = settings.backoff(failures);
      nextAttemptNanos = System.nanoTime() + backoff.toNanos();
      health.down(why, failures, backoff);
      LOG.warn("upstream {} is down: {}; restarting in {}", launch.describe(), why, backoff);
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One life of the upstream; returns why it ended. */
  private String connectAndServe() {
    CompletableFuture<String> end = new CompletableFuture<>();
    ended = end;
    UpstreamTransport transport = launch.transports().get();
    UpstreamSession opened = new UpstreamSession(transport, this);
    String why;
    try {
      health.starting(launch.describe());
      LOG.info("starting upstream {}", launch.describe());
      opened.start();
      Handshake.ServerFacts said =
          Handshake.perform(opened, runtimeVersion(), settings.startTimeout());
      facts = said;
      if (said.offers("logging")) {
        // Everything comes; each client's own level filters what reaches it.
        list(opened, "logging/setLevel", Json.object().put("level", "debug"));
      }
      Catalog read =
          new CatalogReader((m, p) -> list(opened, m, p), this)
              .read(said, CatalogReader.info(said, fallbackName));
      catalog = read;
      session = opened;
      health.up(summary(said, read));
      LOG.info("upstream {} is up: {}", launch.describe(), health.reason());
      catalogs.accept(read);
      why = end.get();
    } catch (InterruptedException e) {
      why = "the upstream was stopped";
    } catch (ExecutionException e) {
      why = String.valueOf(e.getCause().getMessage());
    } catch (Exception e) {
      why = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    session = null;
    transport.close();
    opened.closed(why);
    return why;
  }

  private JsonNode list(UpstreamSession on, String method, ObjectNode params) throws Exception {
    return on.open(method, params, false).await(null, settings.requestTimeout());
  }

  private static String runtimeVersion() {
    String version = UpstreamSupervisor.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static String summary(Handshake.ServerFacts facts, Catalog catalog) {
    return "serving "
        + catalog.info().name()
        + " "
        + catalog.info().version()
        + " (protocol "
        + facts.protocolVersion()
        + "): "
        + catalog.tools().size()
        + " tools, "
        + catalog.resources().size()
        + " resources, "
        + catalog.templates().size()
        + " resource templates, "
        + catalog.prompts().size()
        + " prompts";
  }

  @Override
  public void listChanged(String kind) {
    if (stale.add(kind)) {
      refresher.execute(this::refresh);
    }
  }

  /** Lists again what the server said changed, and hands the new catalog over. */
  private void refresh() {
    Set<String> kinds = Set.copyOf(stale);
    stale.removeAll(kinds);
    UpstreamSession live = session;
    if (live == null || kinds.isEmpty()) {
      return;
    }
    try {
      Catalog read =
          new CatalogReader((m, p) -> list(live, m, p), this).refresh(catalog, facts, kinds);
      catalog = read;
      health.up(summary(facts, read));
      catalogs.accept(read);
    } catch (Exception e) {
      LOG.warn(
          "upstream {} changed its {} but could not be listed again: {}",
          launch.describe(),
          kinds,
          e.getMessage());
    }
  }

  @Override
  public void ended(String why) {
    ended.complete(why);
  }

  @Override
  public JsonNode request(String method, ObjectNode params, CallContext context) throws Exception {
    UpstreamSession live = session;
    if (live == null || closed) {
      throw unavailable(health.reason());
    }
    UpstreamCall call;
    try {
      call = live.open(method, params, context != null);
    } catch (IOException e) {
      throw unavailable(e.getMessage());
    }
    try {
      return call.await(context, settings.requestTimeout());
    } catch (UpstreamException e) {
      switch (e.kind()) {
        case UNAVAILABLE -> throw unavailable(e.getMessage());
        case TIMEOUT -> throw new UpstreamTimeoutException(name, settings.requestTimeout());
        default -> throw e;
      }
    }
  }

  @Override
  public boolean offers(String capability) {
    Handshake.ServerFacts known = facts;
    return known != null && known.offers(capability);
  }

  private UpstreamUnavailableException unavailable(String why) {
    long wait = nextAttemptNanos - System.nanoTime();
    Duration retryAfter =
        wait > 0 ? Duration.ofNanos(wait).plusSeconds(1) : settings.firstBackoff().plusSeconds(1);
    return new UpstreamUnavailableException(
        name, retryAfter, "the upstream MCP server " + name + " is unavailable: " + why);
  }

  /** Stops the upstream for good: calls in flight fail, the process or session ends. */
  void close() {
    closed = true;
    ended.complete("the upstream was stopped");
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(settings.stopTimeout());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    refresher.shutdownNow();
    health.stopped();
  }
}
