package dev.mcpfleet.runtime.resilience;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Answers calls of tools marked cacheable from the cache while the answer is fresh, keyed by tool
 * and arguments (and caller, for per-caller tools). When the upstream fails (an exception, or a
 * result reporting an upstream failure) or its breaker is open and the tool allows it, an older
 * answer is served instead of an error, marked as degraded (a text note and {@code
 * _meta["dev.mcpfleet/degraded"]}), and the call does not fail. Only successful results are stored,
 * sanitized first, so that the cache never holds a secret.
 */
public final class CacheLayer implements ToolLayer {

  /** The meta key of a degraded (stale) answer. */
  public static final String DEGRADED_KEY = "dev.mcpfleet/degraded";

  /**
   * How one tool is cached.
   *
   * @param ttl how long an answer is fresh
   * @param perCaller whether answers depend on the caller
   * @param serveStale whether an older answer may stand in while the upstream is down
   * @param staleFor how long past its ttl an answer is kept for that
   */
  public record Policy(Duration ttl, boolean perCaller, boolean serveStale, Duration staleFor) {}

  /** Counters of what the cache did. */
  public record Counters(Counter localHits, Counter sharedHits, Counter misses, Counter stale) {}

  private final Map<String, Policy> policies;
  private final ResultCache cache;
  private final CacheKeys keys;
  private final UnaryOperator<ToolResult> sanitize;
  private final Counters counters;

  public CacheLayer(
      Map<String, Policy> policies,
      ResultCache cache,
      CacheKeys keys,
      UnaryOperator<ToolResult> sanitize,
      Counters counters) {
    this.policies = Map.copyOf(policies);
    this.cache = cache;
    this.keys = keys;
    this.sanitize = sanitize;
    this.counters = counters;
  }

  /** A cached tool's calls wait for the shared level when there is one: never on an event loop. */
  @Override
  public boolean mayBlock(McpTool tool) {
    return cache.hasSharedLevel() && policies.containsKey(tool.descriptor().name());
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    Policy policy = policies.get(invocation.call().name());
    if (policy == null) {
      return next.proceed(invocation);
    }
    String key = keys.of(invocation, policy.perCaller());
    Instant now = cache.clock().instant();
    Optional<ResultCache.Hit> hit = cache.get(key);
    if (hit.isPresent() && hit.get().entry().fresh(now)) {
      (hit.get().level() == ResultCache.Level.LOCAL ? counters.localHits() : counters.sharedHits())
          .increment();
      return hit.get().entry().result();
    }
    counters.misses().increment();
    ToolResult result;
    try {
      result = next.proceed(invocation);
    } catch (Exception e) {
      if (ToolLayer.isControlFlow(e) || hit.isEmpty() || !policy.serveStale()) {
        throw e;
      }
      counters.stale().increment();
      return degraded(hit.get().entry(), code(e), now);
    }
    if (ClassifiedError.isUpstreamFailure(result) && hit.isPresent() && policy.serveStale()) {
      counters.stale().increment();
      return degraded(hit.get().entry(), ClassifiedError.codeOf(result), now);
    }
    if (!result.isError()) {
      ToolResult safe = sanitize.apply(result);
      long ttl = policy.ttl().toMillis();
      long keep = policy.serveStale() ? ttl + policy.staleFor().toMillis() : ttl;
      cache.put(key, new CachedResult(safe, now.toEpochMilli(), ttl, keep));
    }
    return result;
  }

  private static String code(Exception cause) {
    return cause instanceof UpstreamUnavailableException
        ? ClassifiedError.UPSTREAM_UNAVAILABLE
        : cause instanceof UpstreamTimeoutException
            ? ClassifiedError.UPSTREAM_TIMEOUT
            : ClassifiedError.UPSTREAM_ERROR;
  }

  private static ToolResult degraded(CachedResult stale, String code, Instant now) {
    long age = stale.age(now).toSeconds();
    List<Content> content = new ArrayList<>(stale.result().content());
    content.add(
        new Content.Text(
            "[degraded: the upstream is unavailable ("
                + code
                + "); this answer was cached "
                + age
                + " s ago and may be out of date]",
            null));
    ObjectNode meta =
        stale.result().meta() == null
            ? JsonNodeFactory.instance.objectNode()
            : stale.result().meta().deepCopy();
    meta.putObject(DEGRADED_KEY)
        .put("reason", code)
        .put("cachedAt", Instant.ofEpochMilli(stale.storedAtMillis()).toString())
        .put("ageSeconds", age);
    return new ToolResult(content, stale.result().structuredContent(), false, meta);
  }
}
