package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.runtime.declarative.ManifestItems;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.definition.ServerDefinition.ServerInfo;
import dev.mcpfleet.runtime.layers.RuntimeServices;
import dev.mcpfleet.runtime.resilience.Upstreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fronts the existing MCP server that a manifest's {@code spec.upstream} names: runs it (a child
 * process, or the sidecar reached on localhost), serves its tools, resources, templates and prompts
 * as the definition's items behind every layer of the runtime, and keeps them current: a changed
 * list on the server, a restart or a reloaded manifest becomes a new definition, and clients hear
 * of it. {@code /ready} waits for the server; {@code /health} says how it is.
 *
 * <pre>{@code
 * UpstreamHost upstream = UpstreamHost.create(System.getenv());
 * DefinitionLoader loader = new DefinitionLoader(http, providers, upstream);
 * Definitions definitions = new Definitions(loader.load(file));
 * upstream.attach(definitions, services);      // /health and /ready now include it
 * RuntimeServer server = RuntimeServer.start(config, definitions, services::pipeline);
 * upstream.start();                             // runs the upstream of the loaded manifest
 * ...
 * upstream.close();                            // stops it
 * }</pre>
 */
public final class UpstreamHost implements DefinitionLoader.Fronting, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHost.class);

  private final Map<String, String> env;
  private final UpstreamHealth health = new UpstreamHealth();
  private final Executor republisher =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("upstream-publish").factory());
  private UpstreamSpec running;
  private UpstreamLaunch launch;
  private UpstreamSettings settings;
  private String fallbackName;
  private UpstreamSupervisor supervisor;
  private Definitions definitions;
  private RuntimeServices services;
  private boolean checksRegistered;
  private boolean started;
  private volatile Catalog catalog;

  private UpstreamHost(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** A host reading Secret and ConfigMap values (and its settings) from {@code env}. */
  public static UpstreamHost create(Map<String, String> env) {
    return new UpstreamHost(env);
  }

  /**
   * The items of {@code manifest}'s upstream as known now (none until it has started), or empty
   * when the manifest fronts nothing; an upstream that changed is restarted once attached, one that
   * is no longer wanted is stopped.
   */
  @Override
  public synchronized Optional<ManifestItems> items(McpServer manifest) {
    UpstreamSpec spec = manifest.getSpec().upstream();
    if (spec == null) {
      stop();
      running = null;
      catalog = null;
      health.idle();
      return Optional.empty();
    }
    List<Problem> problems = new ArrayList<>();
    UpstreamLaunch next = UpstreamLaunch.of(spec, env, problems);
    if (next == null) {
      return Optional.of(
          new ManifestItems(
              placeholder(manifest), List.of(), List.of(), List.of(), List.of(), problems));
    }
    settings = UpstreamSettings.of(manifest, env);
    fallbackName = placeholder(manifest).name();
    if (!spec.equals(running)) {
      stop();
      running = spec;
      launch = next;
      catalog = Catalog.empty(placeholder(manifest));
      if (started) {
        startSupervisor();
      }
    } else if (supervisor != null) {
      supervisor.settings(settings);
    }
    return Optional.of(catalog.items());
  }

  /**
   * Serves the upstream through {@code definitions}, once {@link #start() started}; the {@code
   * upstream} check joins {@code /health} and {@code /ready} waits for it.
   */
  public synchronized void attach(Definitions definitions, RuntimeServices services) {
    this.services = services;
    if (running != null) {
      registerChecks();
    }
    // A reload that raced a new catalog may have swapped in the older one: publish again.
    definitions.onChange(
        change -> {
          if (!serves(change.current())) {
            republisher.execute(this::publish);
          }
        });
    this.definitions = definitions;
  }

  /**
   * Runs the upstream of the loaded manifest, if it has one. Call it once the server listens for
   * definition changes, so that the catalog the upstream brings reaches the server's layers.
   */
  public synchronized void start() {
    started = true;
    if (running != null && supervisor == null) {
      startSupervisor();
    }
  }

  private void registerChecks() {
    if (!checksRegistered && services != null) {
      services.require(health);
      checksRegistered = true;
    }
  }

  private void startSupervisor() {
    registerChecks();
    supervisor =
        new UpstreamSupervisor(
            Upstreams.nameOf(running), launch, settings, health, fallbackName, this::arrived);
    supervisor.start();
  }

  private void arrived(Catalog next) {
    catalog = next;
    publish();
  }

  /** Swaps the upstream's items in the served definition for the current catalog's. */
  private synchronized void publish() {
    Catalog now = catalog;
    if (definitions == null || now == null || serves(definitions.current())) {
      return;
    }
    definitions.replace(withCatalog(definitions.current(), now));
  }

  /**
   * {@code current} with the upstream's items of {@code catalog}, followed by the items of code
   * (which win a name both define).
   */
  static ServerDefinition withCatalog(ServerDefinition current, Catalog catalog) {
    return new ServerDefinition(
        current.manifest(),
        catalog.info(),
        merge(catalog.tools(), current.tools(), t -> t.descriptor().name()),
        merge(catalog.resources(), current.resources(), r -> r.descriptor().uri()),
        merge(catalog.templates(), current.resourceTemplates(), t -> t.descriptor().uriTemplate()),
        merge(catalog.prompts(), current.prompts(), p -> p.descriptor().name()));
  }

  private static <T> List<T> merge(List<T> upstream, List<T> current, Function<T, String> key) {
    List<T> code = current.stream().filter(item -> !(item instanceof UpstreamItem)).toList();
    Set<String> taken = code.stream().map(key).collect(Collectors.toSet());
    List<T> merged = new ArrayList<>();
    for (T item : upstream) {
      if (taken.contains(key.apply(item))) {
        LOG.warn(
            "upstream item '{}' is also defined by code on the classpath; code wins",
            key.apply(item));
      } else {
        merged.add(item);
      }
    }
    merged.addAll(code);
    return merged;
  }

  private boolean serves(ServerDefinition definition) {
    Catalog now = catalog;
    return now == null
        || (upstream(definition.tools()).equals(now.tools())
            && upstream(definition.resources()).equals(now.resources())
            && upstream(definition.resourceTemplates()).equals(now.templates())
            && upstream(definition.prompts()).equals(now.prompts())
            && definition.info().equals(now.info()));
  }

  private static <T> List<T> upstream(List<T> items) {
    return items.stream().filter(UpstreamItem.class::isInstance).toList();
  }

  /** Whether the upstream is initialized and listed. */
  public boolean ready() {
    return health.up();
  }

  /** Waits until {@link #ready()} or {@code timeout}; true when ready. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return ready();
  }

  /** How the upstream is doing, as {@code /health} says it. */
  public String status() {
    return health.reason();
  }

  /**
   * What is started or reached, e.g. {@code 'npx
   * -y @modelcontextprotocol/server-memory@2025.9.25'}.
   */
  public synchronized String describe() {
    return launch == null ? "no upstream" : launch.describe();
  }

  private void stop() {
    if (supervisor != null) {
      supervisor.close();
      supervisor = null;
    }
  }

  private static ServerInfo placeholder(McpServer manifest) {
    String name =
        manifest.getMetadata() == null || manifest.getMetadata().getName() == null
            ? "upstream"
            : manifest.getMetadata().getName();
    return new ServerInfo(name, ServerSpec.DEFAULT_VERSION, null, null, null, List.of());
  }

  /** Stops the upstream: calls in flight fail, the child process ends. */
  @Override
  public synchronized void close() {
    stop();
  }
}
