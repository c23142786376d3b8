package dev.mcpfleet.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.AuditSpec;
import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.api.spec.AuthorizationSpec;
import dev.mcpfleet.api.spec.Durations;
import dev.mcpfleet.api.spec.ObservabilitySpec;
import dev.mcpfleet.api.spec.OutputSpec;
import dev.mcpfleet.api.spec.RateLimitSpec;
import dev.mcpfleet.api.spec.ResilienceSpec;
import dev.mcpfleet.api.spec.SecuritySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of the runtime's layers: the manifest's {@code security}, {@code resilience} and
 * {@code observability} sections after the environment's overrides, with the guide's defaults
 * ({@link Defaults}) wherever a field is absent, checked once at startup (and on every reload) so
 * that a bad value stops the server with a message that names the field.
 *
 * @param manifest the manifest after environment overrides
 * @param auth authentication
 * @param authorization the capability ACL, or null
 * @param rateLimit the per-caller bucket, or null when switched off
 * @param toolLimits per-tool buckets
 * @param output result cap and redaction
 * @param audit the audit log
 * @param resilience timeouts, breakers, cache and retry
 * @param redisUrl the shared Redis, or null
 * @param metrics whether /metrics is served
 * @param observability the observability section (log settings), or null
 */
public record LayerSettings(
    McpServer manifest,
    Auth auth,
    AuthorizationSpec authorization,
    Limit rateLimit,
    Map<String, Limit> toolLimits,
    Output output,
    Audit audit,
    Resilience resilience,
    String redisUrl,
    boolean metrics,
    ObservabilitySpec observability) {

  /** Authentication: mode and, for jwt, the resource-server settings. */
  public record Auth(AuthSpec.Mode mode, Jwt jwt, String apiKeyHeader) {}

  /** Resolved JWT settings. */
  public record Jwt(
      String issuer,
      List<String> audiences,
      String jwksUri,
      List<String> algorithms,
      Duration clockSkew,
      List<String> authorizationServers,
      String resource,
      List<String> requiredScopes,
      String groupsClaim) {}

  /** A token bucket: sustained rate and burst. */
  public record Limit(int perSecond, int burst) {}

  /** Output sanitization. */
  public record Output(int maxBytes, boolean redact, List<String> patterns) {}

  /** The audit log. */
  public record Audit(boolean enabled, boolean includeArguments) {}

  /** Resilience numbers. */
  public record Resilience(
      Duration timeout,
      int failureThreshold,
      Duration recoveryTimeout,
      Duration cacheTtl,
      int cacheMaxEntries,
      int retryAttempts,
      Duration retryBackoff) {}

  /**
   * Resolves the settings of {@code manifest} with {@code env}'s overrides.
   *
   * @throws IllegalArgumentException naming every bad field or variable
   */
  public static LayerSettings of(McpServer manifest, Map<String, String> env) {
    McpServer effective = EnvironmentOverrides.apply(manifest, env);
    McpServerSpec spec = effective.getSpec();
    List<String> problems = new ArrayList<>();
    SecuritySpec security = spec.security();
    ResilienceSpec resilience = spec.resilience();
    LayerSettings settings =
        new LayerSettings(
            effective,
            auth(security == null ? null : security.auth(), problems),
            security == null ? null : security.authorization(),
            rateLimit(security == null ? null : security.rateLimit()),
            toolLimits(security == null ? null : security.rateLimit()),
            output(security == null ? null : security.output()),
            audit(security == null ? null : security.audit()),
            resilience(resilience, problems),
            redisUrl(resilience, env, problems),
            spec.observability() == null || !Boolean.FALSE.equals(spec.observability().metrics()),
            spec.observability());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "the manifest's layer settings are invalid:\n  - " + String.join("\n  - ", problems));
    }
    return settings;
  }

  private static Auth auth(AuthSpec auth, List<String> problems) {
    if (auth == null || auth.mode() == AuthSpec.Mode.NONE) {
      return new Auth(AuthSpec.Mode.NONE, null, null);
    }
    if (auth.mode() == AuthSpec.Mode.API_KEY) {
      return new Auth(
          AuthSpec.Mode.API_KEY, null, auth.apiKey() == null ? null : auth.apiKey().header());
    }
    AuthSpec.JwtSpec jwt = auth.jwt();
    if (jwt == null || jwt.issuer() == null || jwt.jwksUri() == null || empty(jwt.audiences())) {
      problems.add(
          "security.auth.mode is jwt: set security.auth.jwt.issuer, .audiences and .jwksUri");
      return new Auth(AuthSpec.Mode.JWT, null, null);
    }
    if (!jwt.jwksUri().matches("^https?://.+")) {
      problems.add("security.auth.jwt.jwksUri '" + jwt.jwksUri() + "' must be an http(s) URL");
    }
    String resource = jwt.resource() != null ? jwt.resource() : jwt.audiences().get(0);
    if (!resource.matches("^https?://[^/]+.*")) {
      problems.add(
          "security.auth.jwt.resource (default: the first audience) must be this server's URL,"
              + " e.g. https://mcp.example.com/mcp; it is '"
              + resource
              + "'");
    }
    return new Auth(
        AuthSpec.Mode.JWT,
        new Jwt(
            jwt.issuer(),
            jwt.audiences(),
            jwt.jwksUri(),
            empty(jwt.algorithms())
                ? List.of("RS256", "PS256", "ES256")
                : jwt.algorithms().stream().map(Enum::name).toList(),
            duration(
                "security.auth.jwt.clockSkew", jwt.clockSkew(), Defaults.JWT_CLOCK_SKEW, problems),
            empty(jwt.authorizationServers()) ? List.of(jwt.issuer()) : jwt.authorizationServers(),
            resource,
            jwt.requiredScopes() == null ? List.of() : jwt.requiredScopes(),
            jwt.groupsClaim() == null ? "groups" : jwt.groupsClaim()),
        null);
  }

  private static Limit rateLimit(RateLimitSpec spec) {
    if (spec != null && Boolean.FALSE.equals(spec.enabled())) {
      return null;
    }
    return new Limit(
        spec == null || spec.requestsPerSecond() == null
            ? Defaults.RATE_LIMIT_PER_SECOND
            : spec.requestsPerSecond(),
        spec == null || spec.burst() == null ? Defaults.RATE_LIMIT_BURST : spec.burst());
  }

  private static Map<String, Limit> toolLimits(RateLimitSpec spec) {
    if (spec == null || spec.tools() == null || Boolean.FALSE.equals(spec.enabled())) {
      return Map.of();
    }
    Map<String, Limit> limits = new java.util.LinkedHashMap<>();
    for (RateLimitSpec.ToolRateLimit tool : spec.tools()) {
      limits.put(
          tool.tool(),
          new Limit(
              tool.requestsPerSecond() == null ? 1 : tool.requestsPerSecond(),
              tool.burst() == null ? 1 : tool.burst()));
    }
    return Map.copyOf(limits);
  }

  private static Output output(OutputSpec spec) {
    return new Output(
        spec == null || spec.maxResultBytes() == null
            ? Defaults.MAX_RESULT_BYTES
            : spec.maxResultBytes(),
        spec == null || !Boolean.FALSE.equals(spec.redactSecrets()),
        spec == null || spec.redactPatterns() == null ? List.of() : spec.redactPatterns());
  }

  private static Audit audit(AuditSpec spec) {
    return new Audit(
        spec == null || !Boolean.FALSE.equals(spec.enabled()),
        spec != null && Boolean.TRUE.equals(spec.includeArguments()));
  }

  private static Resilience resilience(ResilienceSpec spec, List<String> problems) {
    var breaker = spec == null ? null : spec.circuitBreaker();
    var cache = spec == null ? null : spec.cache();
    var retry = spec == null ? null : spec.retry();
    return new Resilience(
        duration(
            "resilience.timeout", spec == null ? null : spec.timeout(), Defaults.TIMEOUT, problems),
        breaker == null || breaker.failureThreshold() == null
            ? Defaults.BREAKER_FAILURE_THRESHOLD
            : breaker.failureThreshold(),
        duration(
            "resilience.circuitBreaker.recoveryTimeout",
            breaker == null ? null : breaker.recoveryTimeout(),
            Defaults.BREAKER_RECOVERY_TIMEOUT,
            problems),
        duration(
            "resilience.cache.ttl",
            cache == null ? null : cache.ttl(),
            Defaults.CACHE_TTL,
            problems),
        cache == null || cache.maxEntries() == null
            ? Defaults.CACHE_MAX_ENTRIES
            : cache.maxEntries(),
        retry == null || retry.maxAttempts() == null
            ? Defaults.RETRY_MAX_ATTEMPTS
            : retry.maxAttempts(),
        duration(
            "resilience.retry.backoff",
            retry == null ? null : retry.backoff(),
            Defaults.RETRY_BACKOFF,
            problems));
  }

  private static String redisUrl(
      ResilienceSpec spec, Map<String, String> env, List<String> problems) {
    var redis = spec == null ? null : spec.redis();
    if (redis == null) {
      return null;
    }
    if (redis.url() != null) {
      return redis.url();
    }
    if (redis.urlFrom() != null) {
      String name = redis.urlFrom().envName();
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        problems.add(
            "resilience.redis.urlFrom: the environment variable "
                + name
                + " is not set; the operator sets it from the referenced key (set it by hand"
                + " when running serve)");
      }
      return value;
    }
    return null;
  }

  private static Duration duration(
      String field, String text, Duration fallback, List<String> problems) {
    try {
      Duration d = Durations.parse(text, fallback);
      if (d.isZero()) {
        problems.add(field + " must be longer than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      problems.add(field + ": " + e.getMessage());
      return fallback;
    }
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /**
   * The environment variables that carry Secret values into this server: every {@code secretKeyRef}
   * of the manifest, wherever it appears, named by {@link
   * dev.mcpfleet.api.spec.ValueSource#envName()}.
   */
  public List<String> secretVariables() {
    List<String> names = new ArrayList<>();
    collect(dev.mcpfleet.api.ManifestReader.mapper().valueToTree(manifest.getSpec()), names);
    return names.stream().distinct().toList();
  }

  private static void collect(JsonNode node, List<String> names) {
    if (node.isObject()
        && node.path("name").isTextual()
        && node.path("valueFrom").has("secretKeyRef")) {
      // A pod environment variable: Kubernetes puts the Secret's value under this very name.
      names.add(node.get("name").asText());
    }
    if (node.isObject()) {
      JsonNode ref = node.get("secretKeyRef");
      if (ref != null && ref.hasNonNull("name") && ref.hasNonNull("key")) {
        names.add(
            new dev.mcpfleet.api.spec.ValueSource(
                    new dev.mcpfleet.api.spec.ValueSource.KeyRef(
                        ref.get("name").asText(), ref.get("key").asText()),
                    null)
                .envName());
      }
    }
    node.forEach(child -> collect(child, names));
  }

  /** The server's name, for Redis keys and metrics. */
  public String serverName() {
    var server = manifest.getSpec().server();
    return server != null
        ? server.name()
        : Objects.requireNonNullElse(manifest.getMetadata().getName(), "mcp");
  }
}
