package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.api.spec.ToolCacheSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.runtime.config.LayerSettings;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.observability.RequestContextLayer;
import dev.mcpfleet.runtime.observability.ToolMetricsLayer;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.RequestObserver;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.resilience.CacheKeys;
import dev.mcpfleet.runtime.resilience.CacheLayer;
import dev.mcpfleet.runtime.resilience.CircuitBreakerLayer;
import dev.mcpfleet.runtime.resilience.DrainGuard;
import dev.mcpfleet.runtime.resilience.FailureResultLayer;
import dev.mcpfleet.runtime.resilience.RateLimitGuard;
import dev.mcpfleet.runtime.resilience.RedisLink;
import dev.mcpfleet.runtime.resilience.RetryLayer;
import dev.mcpfleet.runtime.resilience.SharedBuckets;
import dev.mcpfleet.runtime.resilience.TimeoutLayer;
import dev.mcpfleet.runtime.resilience.TokenBuckets;
import dev.mcpfleet.runtime.resilience.ToolRateLimitLayer;
import dev.mcpfleet.runtime.resilience.Upstreams;
import dev.mcpfleet.runtime.security.AccessRules;
import dev.mcpfleet.runtime.security.AnonymousCallers;
import dev.mcpfleet.runtime.security.ApiKeyAuthenticator;
import dev.mcpfleet.runtime.security.ApiKeyStore;
import dev.mcpfleet.runtime.security.AuditLayer;
import dev.mcpfleet.runtime.security.AuditLog;
import dev.mcpfleet.runtime.security.BearerChallenge;
import dev.mcpfleet.runtime.security.InputValidationLayer;
import dev.mcpfleet.runtime.security.JwtAuthenticator;
import dev.mcpfleet.runtime.security.JwtVerifier;
import dev.mcpfleet.runtime.security.OutputSanitizationLayer;
import dev.mcpfleet.runtime.security.ProtectedResourceMetadata;
import dev.mcpfleet.runtime.security.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that lists the layers of DESIGN.md §4, in order, for one definition: guards
 * (draining, authentication, rate limit), authorization, the tool layers (request context, metrics,
 * audit, sanitization, failure classification, per-tool limits, validation, cache, retry, circuit
 * breaker, timeout) and the request observers.
 */
final class PipelineFactory {

  /** How long a cached answer may stand in, past its ttl, while its upstream is down. */
  static final Duration STALE_FOR = Duration.ofHours(1);

  private PipelineFactory() {}

  static Pipeline build(RuntimeServices services, LayerSettings settings, ServerDefinition def) {
    String server = settings.serverName();
    RedisLink redis = settings.redisUrl() == null ? null : services.redis(settings.redisUrl());
    ApiKeyStore apiKeys = services.apiKeys(settings.auth().mode() == AuthSpec.Mode.API_KEY);
    Redactor redactor = redactor(settings, services.env, apiKeys);
    AuditLog audit =
        new AuditLog(settings.audit().enabled(), settings.audit().includeArguments(), redactor);
    Upstreams upstreams = Upstreams.of(settings.manifest());

    // 1-3: transport checks are the protocol layer's; then draining, authentication, rate limit.
    List<HttpGuard> guards = new ArrayList<>();
    guards.add(new DrainGuard(services.readiness));
    guards.add(authentication(services, settings, apiKeys));
    if (settings.rateLimit() != null) {
      SharedBuckets shared =
          redis == null ? null : new SharedBuckets(redis, "mcpfleet:" + server + ":rl");
      guards.add(
          new RateLimitGuard(
              services.callerBuckets(settings.rateLimit(), shared), services.callerRejections));
    }

    // 5: authorization.
    AccessPolicy access =
        settings.authorization() == null
            ? AccessPolicy.ALLOW_ALL
            : new AccessRules(settings.authorization(), audit);

    // 6-9 around each tool call, outermost first.
    List<String> toolNames = def.tools().stream().map(t -> t.descriptor().name()).toList();
    OutputSanitizationLayer sanitizer =
        new OutputSanitizationLayer(redactor, settings.output().maxBytes());
    var resilience = settings.resilience();
    List<ToolLayer> layers = new ArrayList<>();
    layers.add(new RequestContextLayer());
    if (settings.metrics()) {
      layers.add(new ToolMetricsLayer(services.metrics.registry(), toolNames));
    }
    if (settings.audit().enabled()) {
      layers.add(new AuditLayer(audit));
    }
    layers.add(sanitizer);
    layers.add(new FailureResultLayer(upstreams, redactor::redact));
    if (!settings.toolLimits().isEmpty()) {
      layers.add(new ToolRateLimitLayer(toolBuckets(settings), services.toolRejections));
    }
    layers.add(new InputValidationLayer(def.tools()));
    Map<String, CacheLayer.Policy> cached = cachePolicies(settings);
    if (!cached.isEmpty()) {
      layers.add(
          new CacheLayer(
              cached,
              services.cache(resilience.cacheMaxEntries(), redis, "mcpfleet:" + server + ":cache"),
              new CacheKeys(def.info().version()),
              sanitizer::sanitize,
              services.cacheCounters));
    }
    layers.add(new RetryLayer(resilience.retryAttempts(), resilience.retryBackoff(), upstreams));
    layers.add(new CircuitBreakerLayer(services.breakers(resilience), upstreams));
    layers.add(new TimeoutLayer(resilience.timeout(), upstreams));

    List<RequestObserver> observers =
        settings.metrics() ? List.of(services.requestMetrics) : List.of();
    return new Pipeline(guards, access, layers, observers);
  }

  private static HttpGuard authentication(
      RuntimeServices services, LayerSettings settings, ApiKeyStore apiKeys) {
    LayerSettings.Auth auth = settings.auth();
    String realm = settings.serverName();
    return switch (auth.mode()) {
      case NONE -> {
        services.metadata(null);
        yield new AnonymousCallers();
      }
      case API_KEY -> {
        services.metadata(null);
        yield new ApiKeyAuthenticator(
            apiKeys, auth.apiKeyHeader(), new BearerChallenge(null, realm, List.of()));
      }
      case JWT -> {
        LayerSettings.Jwt jwt = auth.jwt();
        Set<String> scopes = new HashSet<>(jwt.requiredScopes());
        if (settings.authorization() != null) {
          scopes.addAll(new AccessRules(settings.authorization(), AuditLog.off()).scopes());
        }
        ProtectedResourceMetadata metadata =
            ProtectedResourceMetadata.of(jwt.resource(), jwt.authorizationServers(), scopes, realm);
        services.metadata(metadata);
        yield new JwtAuthenticator(
            new JwtVerifier(
                jwt.issuer(),
                jwt.audiences(),
                jwt.algorithms(),
                jwt.clockSkew(),
                services.jwks(jwt).source()),
            new BearerChallenge(metadata, realm, jwt.requiredScopes()),
            jwt.requiredScopes(),
            jwt.groupsClaim());
      }
    };
  }

  /** Secret values (by environment variable) and API keys, plus credential patterns. */
  private static Redactor redactor(
      LayerSettings settings, Map<String, String> env, ApiKeyStore apiKeys) {
    if (!settings.output().redact()) {
      return Redactor.none();
    }
    Set<String> secrets = new HashSet<>();
    for (String name : settings.secretVariables()) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        secrets.add(value);
      }
    }
    return new Redactor(
        new SecretValues(secrets, apiKeys), Redactor.compile(settings.output().patterns()));
  }

  private static Map<String, TokenBuckets> toolBuckets(LayerSettings settings) {
    Map<String, TokenBuckets> buckets = new HashMap<>();
    settings
        .toolLimits()
        .forEach(
            (tool, limit) ->
                buckets.put(tool, new TokenBuckets(limit.perSecond(), limit.burst(), null)));
    return buckets;
  }

  /** The cache policy of every manifest tool marked cacheable. */
  static Map<String, CacheLayer.Policy> cachePolicies(LayerSettings settings) {
    var server = settings.manifest().getSpec().server();
    Map<String, CacheLayer.Policy> policies = new HashMap<>();
    if (server == null || server.tools() == null) {
      return policies;
    }
    for (ToolSpec tool : server.tools()) {
      ToolCacheSpec cache = tool.cache();
      if (cache == null || Boolean.FALSE.equals(cache.enabled())) {
        continue;
      }
      policies.put(
          tool.name(),
          new CacheLayer.Policy(
              dev.mcpfleet.api.spec.Durations.parse(cache.ttl(), settings.resilience().cacheTtl()),
              Boolean.TRUE.equals(cache.perCaller()),
              !Boolean.FALSE.equals(cache.serveStaleWhenUnavailable()),
              STALE_FOR));
    }
    return policies;
  }
}
