package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.config.LayerSettings;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.observability.HealthCheck;
import dev.mcpfleet.runtime.observability.HealthReport;
import dev.mcpfleet.runtime.observability.Logging;
import dev.mcpfleet.runtime.observability.Metrics;
import dev.mcpfleet.runtime.observability.Readiness;
import dev.mcpfleet.runtime.observability.RequestMetrics;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.resilience.Breakers;
import dev.mcpfleet.runtime.resilience.CacheLayer;
import dev.mcpfleet.runtime.resilience.RedisLink;
import dev.mcpfleet.runtime.resilience.ResultCache;
import dev.mcpfleet.runtime.resilience.SharedBuckets;
import dev.mcpfleet.runtime.resilience.TokenBuckets;
import dev.mcpfleet.runtime.security.ApiKeyStore;
import dev.mcpfleet.runtime.security.JwksKeys;
import dev.mcpfleet.runtime.security.ProtectedResourceMetadata;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the layers keep while the server runs, across definition reloads: metrics, readiness, the
 * JWKS keys, the API keys, the circuit breakers, the cache, the token buckets and the Redis link.
 * Each is rebuilt only when its settings change. {@link #pipeline} is the function the server calls
 * with every definition it serves; {@link #configure} adds the endpoints {@code /health}, {@code
 * /ready}, {@code /metrics} and the OAuth metadata.
 *
 * <pre>{@code
 * RuntimeServices layers = RuntimeServices.create(System.getenv());
 * layers.pipeline(definitions.current());   // checks the settings; throws with what to fix
 * RuntimeConfig config = layers.configure(RuntimeConfig.builder()).build();
 * RuntimeServer server = RuntimeServer.start(config, definitions, layers::pipeline);
 * // on SIGTERM: layers.readiness().drain(); sleep(layers.shutdownSettle()); server.close();
 * }</pre>
 */
public final class RuntimeServices implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeServices.class);

  final Map<String, String> env;
  final Clock clock = Clock.systemUTC();
  final Metrics metrics = new Metrics();
  final RequestMetrics requestMetrics = new RequestMetrics(metrics.registry());
  final Counter callerRejections = rejections("caller");
  final Counter toolRejections = rejections("tool");
  final CacheLayer.Counters cacheCounters;
  final Readiness readiness;

  private final Path apiKeysDir;
  private final Reusable<LayerSettings.Jwt, JwksKeys> jwks = new Reusable<>();
  private final Reusable<Path, ApiKeyStore> apiKeys = new Reusable<>();
  private final Reusable<LayerSettings.Resilience, Breakers> breakers = new Reusable<>();
  private final Reusable<String, RedisLink> redis = new Reusable<>();
  private final Reusable<List<Object>, ResultCache> cache = new Reusable<>();
  private final Reusable<List<Object>, TokenBuckets> callerBuckets = new Reusable<>();
  private final List<HealthCheck> extraChecks = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile ServerDefinition served;
  private volatile LayerSettings settings;
  private volatile ProtectedResourceMetadata metadata;

  private RuntimeServices(Map<String, String> env, Path apiKeysDir) {
    this.env = Map.copyOf(env);
    this.apiKeysDir = apiKeysDir;
    this.readiness = new Readiness(() -> served != null);
    var registry = metrics.registry();
    this.cacheCounters =
        new CacheLayer.Counters(
            Counter.builder("mcp_cache_hits").tag("level", "local").register(registry),
            Counter.builder("mcp_cache_hits").tag("level", "shared").register(registry),
            Counter.builder("mcp_cache_misses").register(registry),
            Counter.builder("mcp_cache_stale_served")
                .description("Degraded answers served from the cache while an upstream failed")
                .register(registry));
  }

  /**
   * The services of a runtime configured by {@code env} (the process environment): MCP_ overrides,
   * Secret values by {@code ValueSource.envName()}, and {@code MCP_API_KEYS_DIR} where the API keys
   * are mounted (default {@value Defaults#API_KEYS_DIR}).
   */
  public static RuntimeServices create(Map<String, String> env) {
    return new RuntimeServices(
        env, Path.of(env.getOrDefault("MCP_API_KEYS_DIR", Defaults.API_KEYS_DIR)));
  }

  /**
   * The layers for {@code definition}, in DESIGN.md §4 order.
   *
   * @throws IllegalArgumentException when the settings are invalid, saying what to fix
   */
  public Pipeline pipeline(ServerDefinition definition) {
    LayerSettings next = LayerSettings.of(definition.manifest(), env);
    Pipeline pipeline = PipelineFactory.build(this, next, definition);
    if (settings == null || settings.auth().mode() != next.auth().mode()) {
      announce(next);
    }
    settings = next;
    served = definition;
    return pipeline;
  }

  /** Adds this runtime's endpoints and OAuth metadata URL to a server configuration. */
  public RuntimeConfig.Builder configure(RuntimeConfig.Builder config) {
    OpsEndpoints endpoints = new OpsEndpoints(this);
    endpoints.all().forEach(config::endpoint);
    if (metadata != null) {
      config.resourceMetadataUrl(metadata.metadataUrl());
    }
    return config;
  }

  /**
   * How long a stopping server keeps refusing new requests before it closes, so that Kubernetes
   * takes the pod out of its Service first: 5 s in a pod, none elsewhere; {@code
   * MCP_SHUTDOWN_SETTLE} (a duration such as 10s) overrides it.
   */
  public Duration shutdownSettle() {
    String text = env.get("MCP_SHUTDOWN_SETTLE");
    if (text != null) {
      return dev.mcpfleet.api.spec.Durations.parse(text.strip(), Duration.ZERO);
    }
    return env.containsKey("KUBERNETES_SERVICE_HOST") ? Duration.ofSeconds(5) : Duration.ZERO;
  }

  public Readiness readiness() {
    return readiness;
  }

  public Metrics metrics() {
    return metrics;
  }

  /**
   * Adds {@code check} to {@code /health} and makes {@code /ready} wait until it is healthy (a
   * fronted upstream server that must have started).
   */
  public void require(HealthCheck check) {
    extraChecks.add(check);
    readiness.require(check);
  }

  /** Every health check of the current setup. */
  public List<HealthCheck> healthChecks() {
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(definitionCheck());
    checks.addAll(extraChecks);
    add(checks, jwks.current());
    add(checks, apiKeys.current());
    Breakers b = breakers.current();
    if (b != null) {
      checks.addAll(b.healthChecks());
    }
    add(checks, cache.current());
    add(checks, redis.current());
    return checks;
  }

  /** The report of {@code /health}. */
  public HealthReport health() {
    return new HealthReport(this::healthChecks, clock);
  }

  /** Whether /metrics is served (observability.metrics). */
  public boolean metricsOn() {
    LayerSettings s = settings;
    return s == null || s.metrics();
  }

  ProtectedResourceMetadata metadata() {
    return metadata;
  }

  // The parts below are built or reused by the PipelineFactory.

  JwksKeys jwks(LayerSettings.Jwt jwt) {
    return jwks.get(
        jwt,
        j ->
            new JwksKeys(
                    URI.create(j.jwksUri()),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5))
                .start());
  }

  void metadata(ProtectedResourceMetadata metadata) {
    this.metadata = metadata;
  }

  ApiKeyStore apiKeys(boolean needed) {
    return apiKeys.get(needed ? apiKeysDir : null, ApiKeyStore::open);
  }

  Breakers breakers(LayerSettings.Resilience resilience) {
    return breakers.get(
        resilience,
        r -> {
          Breakers built = new Breakers(r.failureThreshold(), r.recoveryTimeout());
          TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(built.registry())
              .bindTo(metrics.registry());
          return built;
        });
  }

  RedisLink redis(String url) {
    return redis.get(url, u -> RedisLink.open(u, Duration.ofMillis(250)));
  }

  ResultCache cache(int maxEntries, RedisLink shared, String namespace) {
    return cache.get(
        List.of(maxEntries, shared == null ? "" : shared, namespace),
        k -> new ResultCache(maxEntries, shared, namespace, Duration.ofMillis(250), clock));
  }

  TokenBuckets callerBuckets(LayerSettings.Limit limit, SharedBuckets shared) {
    return callerBuckets.get(
        List.of(limit, shared == null ? "" : shared),
        k -> new TokenBuckets(limit.perSecond(), limit.burst(), shared));
  }

  private HealthCheck definitionCheck() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "definition";
      }

      @Override
      public Result check() {
        ServerDefinition d = served;
        return d == null
            ? Result.unhealthy("no definition loaded yet")
            : Result.healthy(
                "serving "
                    + d.info().name()
                    + " "
                    + d.info().version()
                    + ": "
                    + d.tools().size()
                    + " tools, "
                    + d.resources().size()
                    + " resources, "
                    + d.prompts().size()
                    + " prompts");
      }
    };
  }

  private static void add(List<HealthCheck> checks, Object maybe) {
    if (maybe instanceof HealthCheck check) {
      checks.add(check);
    }
  }

  private Counter rejections(String scope) {
    return Counter.builder("mcp_rate_limit_rejections")
        .description("Requests refused by a rate limit")
        .tag("scope", scope)
        .register(metrics.registry());
  }

  private static void announce(LayerSettings settings) {
    if (settings.auth().mode() == AuthSpec.Mode.NONE) {
      LOG.warn(
          "authentication is OFF (security.auth.mode none): any client that reaches this server"
              + " may call its tools; callers are told apart by their address only");
    } else {
      LOG.info("authentication: {}", settings.auth().mode().name().toLowerCase());
    }
  }

  @Override
  public void close() {
    jwks.close();
    apiKeys.close();
    redis.close();
    metrics.close();
    // The last audit lines of a stopping server reach standard output before the process ends.
    Logging.flush();
  }
}
