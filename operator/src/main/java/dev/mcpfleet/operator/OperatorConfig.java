package dev.mcpfleet.operator;

import dev.mcpfleet.api.spec.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The operator's settings, read once from the environment in {@code main} and passed to whatever
 * needs them. Every variable is optional; a bad value stops the operator with a message naming the
 * variable and what it accepts.
 *
 * @param watchNamespaces namespaces whose McpServers are reconciled; empty means all
 * @param leaderElection whether and how replicas of the operator elect one active leader
 * @param runtimeImage the image every McpServer pod runs unless its spec.pod.image says otherwise
 * @param upstreamImages the runtime images with a package runner, for McpServers that front an npm
 *     or PyPI package
 * @param logFormat json lines (containers) or text (a terminal)
 * @param logLevel the root log level
 * @param httpPort the port of /healthz, /readyz and /metrics
 * @param shutdownTimeout how long a stopping operator waits for running reconciliations; keep it
 *     below the pod's terminationGracePeriodSeconds
 * @param clusterDomain the cluster's DNS domain for status.url; empty gives the short {@code
 *     <name>.<namespace>.svc} form, which resolves in every pod
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    LeaderElection leaderElection,
    String runtimeImage,
    UpstreamImages upstreamImages,
    LogFormat logFormat,
    String logLevel,
    int httpPort,
    Duration shutdownTimeout,
    String clusterDomain) {

  /** Log line formats. */
  public enum LogFormat {
    JSON,
    TEXT
  }

  /**
   * Leader election through a coordination.k8s.io Lease.
   *
   * @param leaseNamespace null: the namespace of the operator's own service account
   * @param identity null: the pod's HOSTNAME
   */
  public record LeaderElection(
      boolean enabled, String leaseName, String leaseNamespace, String identity) {

    public static LeaderElection off() {
      return new LeaderElection(false, DEFAULT_LEASE_NAME, null, null);
    }
  }

  /**
   * The runtime image variants that run package upstreams: the runtime plus Node.js ({@code npx},
   * for npm packages) or uv ({@code uvx}, for PyPI packages).
   *
   * @param node e.g. {@code mcp-fleet/runtime-node:0.1.0}
   * @param python e.g. {@code mcp-fleet/runtime-python:0.1.0}
   */
  public record UpstreamImages(String node, String python) {

    /**
     * The variants named after {@code runtimeImage}: {@code registry/mcp-fleet/runtime:0.1.0} gives
     * {@code registry/mcp-fleet/runtime-node:0.1.0} and {@code ...runtime-python:0.1.0}. A digest
     * cannot carry over (each image has its own), so a runtime pinned by digest gives variants by
     * tag, or untagged: set them explicitly then.
     */
    public static UpstreamImages derivedFrom(String runtimeImage) {
      return new UpstreamImages(variant(runtimeImage, "-node"), variant(runtimeImage, "-python"));
    }

    private static String variant(String image, String suffix) {
      int slash = image.lastIndexOf('/');
      String name = image.substring(slash + 1);
      int digest = name.indexOf('@');
      if (digest >= 0) {
        name = name.substring(0, digest);
      }
      int tag = name.indexOf(':');
      String repository = tag < 0 ? name : name.substring(0, tag);
      String version = tag < 0 ? "" : name.substring(tag);
      return image.substring(0, slash + 1) + repository + suffix + version;
    }
  }

  public static final String DEFAULT_LEASE_NAME = "mcp-fleet-operator";
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
  }

  /** The settings of an operator started with an empty environment outside a cluster. */
  public static OperatorConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /** The operator replica named in the Events it records: its pod, else the Lease's default. */
  public String eventReportingInstance() {
    String pod = leaderElection.identity();
    return pod == null ? DEFAULT_LEASE_NAME : pod;
  }

  /** True when every namespace is watched. */
  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /** The image that the operator's own build targets, e.g. {@code mcp-fleet/runtime:0.1.0}. */
  public static String defaultRuntimeImage() {
    Properties build = new Properties();
    try (InputStream in =
        OperatorConfig.class.getResourceAsStream("/mcp-fleet-operator.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read mcp-fleet-operator.properties", e);
    }
    return build.getProperty("runtime.image", "mcp-fleet/runtime:latest");
  }

  /**
   * Reads the settings from environment variables.
   *
   * @throws IllegalArgumentException naming every variable with a bad value and what it accepts
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    Reader r = new Reader(env);
    Set<String> namespaces = r.namespaces("WATCH_NAMESPACES");
    boolean leader = r.get("LEADER_ELECTION", "false", Reader::bool, "true/false or on/off");
    LeaderElection election =
        new LeaderElection(
            leader,
            r.text("LEADER_ELECTION_LEASE_NAME", DEFAULT_LEASE_NAME),
            r.text("LEADER_ELECTION_NAMESPACE", r.text("POD_NAMESPACE", null)),
            r.text("POD_NAME", r.text("HOSTNAME", null)));
    String inCluster = env.get("KUBERNETES_SERVICE_HOST");
    LogFormat format =
        r.get(
            "LOG_FORMAT",
            inCluster == null || inCluster.isBlank() ? "text" : "json",
            v -> LogFormat.valueOf(v.toUpperCase(Locale.ROOT)),
            "json or text");
    String level =
        r.get(
            "LOG_LEVEL",
            "info",
            v -> {
              String l = v.toLowerCase(Locale.ROOT);
              if (!LOG_LEVELS.contains(l)) {
                throw new IllegalArgumentException();
              }
              return l;
            },
            "trace, debug, info, warn or error");
    int port =
        r.get(
            "HTTP_PORT",
            String.valueOf(DEFAULT_HTTP_PORT),
            v -> {
              int p = Integer.parseInt(v);
              if (p < 0 || p > 65535) {
                throw new IllegalArgumentException();
              }
              return p;
            },
            "a port number from 0 (any free port) to 65535");
    Duration shutdown =
        r.get(
            "SHUTDOWN_TIMEOUT",
            "20s",
            v -> Durations.parse(v, null),
            "a duration such as 20s or 1m");
    String runtimeImage = r.text("RUNTIME_IMAGE", defaultRuntimeImage());
    UpstreamImages derived = UpstreamImages.derivedFrom(runtimeImage);
    OperatorConfig config =
        new OperatorConfig(
            namespaces,
            election,
            runtimeImage,
            new UpstreamImages(
                r.text("RUNTIME_NODE_IMAGE", derived.node()),
                r.text("RUNTIME_PYTHON_IMAGE", derived.python())),
            format,
            level,
            port,
            shutdown,
            r.text("CLUSTER_DOMAIN", ""));
    r.failOnProblems();
    return config;
  }

  /** Reads variables and collects every problem, so one start reports all of them. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    <T> T get(String name, String fallback, Function<String, T> parse, String accepted) {
      String value = text(name, fallback);
      try {
        return parse.apply(value);
      } catch (RuntimeException e) {
        problems.add(name + " is '" + value + "'; use " + accepted);
        return parse.apply(fallback);
      }
    }

    Set<String> namespaces(String name) {
      Set<String> namespaces = new LinkedHashSet<>();
      for (String ns : Arrays.asList(text(name, "").split(","))) {
        String n = ns.trim();
        if (n.isEmpty()) {
          continue;
        }
        if (!n.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
          problems.add(
              name
                  + " holds '"
                  + n
                  + "', which is not a namespace name; use a comma-separated list"
                  + " of namespaces, or leave it empty to watch all namespaces");
        }
        namespaces.add(n);
      }
      return namespaces;
    }

    static boolean bool(String v) {
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "on", "yes", "1" -> true;
        case "false", "off", "no", "0" -> false;
        default -> throw new IllegalArgumentException(v);
      };
    }

    void failOnProblems() {
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid operator configuration: " + String.join("; ", problems));
      }
    }
  }
}
