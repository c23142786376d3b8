package dev.mcpfleet.runtime;

import dev.mcpfleet.runtime.transport.HttpEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the runtime serves: where it listens and the limits of the MCP endpoint.
 *
 * @param host address to bind: 127.0.0.1 on a laptop, 0.0.0.0 in a pod
 * @param port port to bind; 0 picks a free one ({@link RuntimeServer#address()} tells which)
 * @param mcpPath the MCP endpoint's path
 * @param allowedHosts Host header values (without port) accepted on the MCP endpoint, or {@code *}
 *     for any: DNS-rebinding protection. Defaults to the loopback names when bound to loopback, to
 *     any host otherwise (in a cluster clients reach the pod by its Service name)
 * @param allowedOrigins Origin header values accepted when a request carries one ({@code
 *     scheme://host[:port]}, a {@code scheme://host} entry accepts any port, {@code *} accepts
 *     any); a request without Origin is not a browser's and passes. Defaults to loopback origins
 *     when bound to loopback, to none otherwise
 * @param maxBodyBytes largest request body accepted (HTTP 413 beyond)
 * @param legacySessions whether {@code initialize} mints an {@code Mcp-Session-Id}; without
 *     sessions, legacy requests are served statelessly (fit for several replicas behind a Service)
 * @param maxSessions bound on live legacy sessions; the longest idle one is ended to admit a new
 *     one
 * @param sessionIdleTimeout a legacy session without requests or an open stream for this long ends
 * @param pageSize items per page of every list
 * @param listTtl ttlMs of list and server/discover results (2026-07-28 caching hints)
 * @param clientInputTimeout how long a legacy call waits for the client's answer to elicitation,
 *     sampling or roots
 * @param requestStateSecret HMAC key of 2026-07-28 requestState; null draws a key per process (set
 *     the same secret on every replica so a retry may reach any of them)
 * @param requestStateTtl how long a requestState stays valid
 * @param keepAliveInterval SSE comment interval on long-lived streams
 * @param endpoints extra endpoints by path; a path ending in {@code /*} matches its subtree
 * @param resourceMetadataUrl the OAuth protected-resource metadata URL named in {@code
 *     WWW-Authenticate} when a call lacks a scope, or null
 * @param ioThreads event-loop threads; 0 for one per core
 * @param shutdownGrace how long close() lets calls in flight finish
 */
public record RuntimeConfig(
    String host,
    int port,
    String mcpPath,
    Set<String> allowedHosts,
    Set<String> allowedOrigins,
    int maxBodyBytes,
    boolean legacySessions,
    int maxSessions,
    Duration sessionIdleTimeout,
    int pageSize,
    Duration listTtl,
    Duration clientInputTimeout,
    String requestStateSecret,
    Duration requestStateTtl,
    Duration keepAliveInterval,
    Map<String, HttpEndpoint> endpoints,
    String resourceMetadataUrl,
    int ioThreads,
    Duration shutdownGrace) {

  /** Any value is accepted. */
  public static final String ANY = "*";

  public RuntimeConfig {
    allowedHosts = Set.copyOf(allowedHosts);
    allowedOrigins = Set.copyOf(allowedOrigins);
    endpoints = Map.copyOf(endpoints);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (!mcpPath.startsWith("/")) {
      throw new IllegalArgumentException("mcpPath must start with '/', got " + mcpPath);
    }
    if (maxBodyBytes < 1024 || pageSize < 1 || maxSessions < 1) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be >= 1024, pageSize and maxSessions >= 1");
    }
  }

  /** Defaults for serving on {@code host:port}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code host} names the loopback interface. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Builds a {@link RuntimeConfig}; unset allowed hosts/origins follow the bind address. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private String mcpPath = "/mcp";
    private Set<String> allowedHosts;
    private Set<String> allowedOrigins;
    private int maxBodyBytes = 4 * 1024 * 1024;
    private boolean legacySessions = true;
    private int maxSessions = 10_000;
    private Duration sessionIdleTimeout = Duration.ofMinutes(30);
    private int pageSize = 100;
    private Duration listTtl = Duration.ofMinutes(5);
    private Duration clientInputTimeout = Duration.ofMinutes(5);
    private String requestStateSecret;
    private Duration requestStateTtl = Duration.ofMinutes(15);
    private Duration keepAliveInterval = Duration.ofSeconds(15);
    private final Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>();
    private String resourceMetadataUrl;
    private int ioThreads;
    private Duration shutdownGrace = Duration.ofSeconds(10);

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder mcpPath(String mcpPath) {
      this.mcpPath = mcpPath;
      return this;
    }

    public Builder allowedHosts(Set<String> allowedHosts) {
      this.allowedHosts = allowedHosts;
      return this;
    }

    public Builder allowedOrigins(Set<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder legacySessions(boolean legacySessions) {
      this.legacySessions = legacySessions;
      return this;
    }

    public Builder maxSessions(int maxSessions) {
      this.maxSessions = maxSessions;
      return this;
    }

    public Builder sessionIdleTimeout(Duration sessionIdleTimeout) {
      this.sessionIdleTimeout = sessionIdleTimeout;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder listTtl(Duration listTtl) {
      this.listTtl = listTtl;
      return this;
    }

    public Builder clientInputTimeout(Duration clientInputTimeout) {
      this.clientInputTimeout = clientInputTimeout;
      return this;
    }

    public Builder requestStateSecret(String requestStateSecret) {
      this.requestStateSecret = requestStateSecret;
      return this;
    }

    public Builder requestStateTtl(Duration requestStateTtl) {
      this.requestStateTtl = requestStateTtl;
      return this;
    }

    public Builder keepAliveInterval(Duration keepAliveInterval) {
      this.keepAliveInterval = keepAliveInterval;
      return this;
    }

    /** Serves {@code endpoint} at {@code path} ({@code /x/*} for a subtree). */
    public Builder endpoint(String path, HttpEndpoint endpoint) {
      endpoints.put(path, endpoint);
      return this;
    }

    public Builder resourceMetadataUrl(String resourceMetadataUrl) {
      this.resourceMetadataUrl = resourceMetadataUrl;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public RuntimeConfig build() {
      boolean loopback = isLoopback(host);
      Set<String> hosts =
          allowedHosts != null
              ? allowedHosts
              : loopback ? Set.of("localhost", "127.0.0.1", "[::1]") : Set.of(ANY);
      Set<String> origins =
          allowedOrigins != null
              ? allowedOrigins
              : loopback
                  ? Set.of(
                      "http://localhost",
                      "https://localhost",
                      "http://127.0.0.1",
                      "https://127.0.0.1",
                      "http://[::1]",
                      "https://[::1]")
                  : Set.of();
      return new RuntimeConfig(
          host,
          port,
          mcpPath,
          hosts,
          origins,
          maxBodyBytes,
          legacySessions,
          maxSessions,
          sessionIdleTimeout,
          pageSize,
          listTtl,
          clientInputTimeout,
          requestStateSecret,
          requestStateTtl,
          keepAliveInterval,
          endpoints,
          resourceMetadataUrl,
          ioThreads,
          shutdownGrace);
    }
  }
}
