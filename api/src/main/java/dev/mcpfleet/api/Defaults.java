package dev.mcpfleet.api;

import java.time.Duration;

/**
 * The numbers of the MCP best-practices guide that MCP Fleet applies when a field is absent. The
 * operator and the runtime read them from here, so a default changes in one place.
 */
public final class Defaults {

  private Defaults() {}

  /** The runtime's HTTP port: MCP at /mcp, probes at /health and /ready, metrics at /metrics. */
  public static final int PORT = 8080;

  public static final String MCP_PATH = "/mcp";

  // How a pod hands the definition and secrets to the runtime. The container runs
  //   serve /etc/mcp-fleet/mcpserver.yaml --bind 0.0.0.0 --port 8080
  // with the operator's ConfigMap mounted at CONFIG_DIR, the API-key Secret (auth mode apiKey) at
  // API_KEYS_DIR (one file per key, named by the caller), values of Secret/ConfigMap references as
  // environment variables named by ValueSource.envName(), and an emptyDir at /tmp (the root
  // filesystem is read-only).
  public static final String CONFIG_DIR = "/etc/mcp-fleet";
  public static final String CONFIG_FILE = "mcpserver.yaml";
  public static final String API_KEYS_DIR = "/var/run/mcp-fleet/api-keys";
  public static final String HEALTH_PATH = "/health";
  public static final String READY_PATH = "/ready";
  public static final String METRICS_PATH = "/metrics";

  // Scaling (guide: Deployment replicas 3, HPA 3..10 at 70 % CPU, 80 % memory).
  public static final int REPLICAS = 3;
  public static final int MIN_REPLICAS = 3;
  public static final int MAX_REPLICAS = 10;
  public static final int TARGET_CPU_PERCENT = 70;
  public static final int TARGET_MEMORY_PERCENT = 80;
  public static final int MAX_UNAVAILABLE = 1;
  public static final int MAX_SURGE = 1;

  // Container resources.
  public static final String CPU_REQUEST = "250m";
  public static final String MEMORY_REQUEST = "256Mi";
  public static final String CPU_LIMIT = "500m";
  public static final String MEMORY_LIMIT = "512Mi";

  // Probes.
  public static final int LIVENESS_INITIAL_DELAY_SECONDS = 30;
  public static final int LIVENESS_PERIOD_SECONDS = 10;
  public static final int READINESS_INITIAL_DELAY_SECONDS = 5;
  public static final int READINESS_PERIOD_SECONDS = 5;
  public static final long TERMINATION_GRACE_PERIOD_SECONDS = 30;

  // Resilience (guide: breaker 5 failures / 30 s, cache TTL 300 s, timeout 30 s).
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  public static final int BREAKER_FAILURE_THRESHOLD = 5;
  public static final Duration BREAKER_RECOVERY_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration CACHE_TTL = Duration.ofSeconds(300);
  public static final int CACHE_MAX_ENTRIES = 1000;
  public static final int RETRY_MAX_ATTEMPTS = 3;
  public static final Duration RETRY_BACKOFF = Duration.ofMillis(200);

  // Security (guide: token bucket 100/s, burst 20).
  public static final int RATE_LIMIT_PER_SECOND = 100;
  public static final int RATE_LIMIT_BURST = 20;
  public static final Duration JWT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final int MAX_RESULT_BYTES = 1024 * 1024;

  // Observability.
  public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(30);
}
