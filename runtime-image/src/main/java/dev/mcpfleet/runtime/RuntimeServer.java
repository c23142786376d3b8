package dev.mcpfleet.runtime;

import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.protocol.McpService;
import dev.mcpfleet.runtime.protocol.McpServices;
import dev.mcpfleet.runtime.protocol.ToolChains;
import dev.mcpfleet.runtime.protocol.inputs.RequestStateCodec;
import dev.mcpfleet.runtime.protocol.notify.ChangeNotifier;
import dev.mcpfleet.runtime.protocol.notify.ListenStreams;
import dev.mcpfleet.runtime.protocol.session.SessionRegistry;
import dev.mcpfleet.runtime.transport.HttpServer;
import dev.mcpfleet.runtime.transport.OriginPolicy;
import dev.mcpfleet.runtime.transport.TransportSettings;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running MCP server: Streamable HTTP at {@code /mcp} (every revision), the extra endpoints of
 * the configuration, and the layers of a {@link Pipeline} built from the served definition. The
 * pipeline is rebuilt whenever the definition changes, and clients hear of the change.
 *
 * <pre>{@code
 * RuntimeServer server = RuntimeServer.start(config, definitions, PipelineBuilder::build);
 * server.address();   // where it listens
 * server.close();     // stops accepting, lets calls in flight finish, then stops
 * }</pre>
 */
public final class RuntimeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeServer.class);

  private final RuntimeConfig config;
  private final HttpServer http;
  private final McpServices services;
  private final ExecutorService blocking;
  private final List<AutoCloseable> closeOnStop = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private RuntimeServer(
      RuntimeConfig config, HttpServer http, McpServices services, ExecutorService blocking) {
    this.config = config;
    this.http = http;
    this.services = services;
    this.blocking = blocking;
  }

  /** Serves {@code definitions} with no layers ({@link Pipeline#bare()}). */
  public static RuntimeServer start(RuntimeConfig config, Definitions definitions)
      throws InterruptedException {
    return start(config, definitions, definition -> Pipeline.bare());
  }

  /**
   * Serves {@code definitions}, each request passing the layers that {@code pipelines} builds from
   * the definition being served (called at start and after every change of definition).
   */
  public static RuntimeServer start(
      RuntimeConfig config, Definitions definitions, Function<ServerDefinition, Pipeline> pipelines)
      throws InterruptedException {
    AtomicReference<Pipeline> pipeline =
        new AtomicReference<>(pipelines.apply(definitions.current()));
    ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    SessionRegistry sessions =
        new SessionRegistry(config.maxSessions(), config.sessionIdleTimeout());
    ListenStreams listeners = new ListenStreams();
    McpServices services =
        new McpServices(
            config,
            definitions,
            sessions,
            blocking,
            new RequestStateCodec(
                config.requestStateSecret(), config.requestStateTtl(), Clock.systemUTC()),
            listeners,
            new ToolChains());
    TransportSettings settings =
        new TransportSettings(
            config.mcpPath(),
            new OriginPolicy(config.allowedHosts(), config.allowedOrigins()),
            config.maxBodyBytes(),
            config.endpoints(),
            blocking);
    HttpServer http;
    try {
      http =
          HttpServer.start(
              config.host(),
              config.port(),
              config.ioThreads(),
              settings,
              pipeline::get,
              new McpService(services));
    } catch (InterruptedException | RuntimeException e) {
      blocking.shutdownNow();
      throw e;
    }
    ChangeNotifier notifier = new ChangeNotifier(listeners, sessions);
    RuntimeServer server = new RuntimeServer(config, http, services, blocking);
    definitions.onChange(
        change -> {
          // Definitions may outlive this server (it has no way to unregister listeners).
          if (!server.closed) {
            pipeline.set(pipelines.apply(change.current()));
            notifier.changed(change);
          }
        });
    schedule(http, config.keepAliveInterval(), notifier::keepAlive);
    schedule(http, sweepInterval(config.sessionIdleTimeout()), sessions::sweep);
    LOG.info("MCP endpoint at http://{}{}", authority(http.address()), config.mcpPath());
    return server;
  }

  /** Where the server listens (the real port when the configuration asked for port 0). */
  public InetSocketAddress address() {
    return http.address();
  }

  /**
   * The MCP endpoint's URL, e.g. {@code http://127.0.0.1:8080/mcp}; a server bound to every
   * interface names the loopback address, which reaches it from the same machine.
   */
  public String url() {
    return "http://" + authority(address()) + config.mcpPath();
  }

  /**
   * The server's event loops, for clients that should do their I/O on them rather than on threads
   * of their own (the HTTP tools' upstream connections). They stop when the server closes: such a
   * client is handed to {@link #closeOnStop}.
   */
  public EventLoopGroup eventLoops() {
    return http.workers();
  }

  /**
   * Closes {@code resource} when the server stops, once the calls in flight have finished and
   * before the event loops stop (a client on {@link #eventLoops} closes its connections there).
   */
  public void closeOnStop(AutoCloseable resource) {
    closeOnStop.add(resource);
  }

  /** Live legacy sessions. */
  public int sessions() {
    return services.sessions().size();
  }

  /**
   * Stops gracefully: no new connections; long-lived streams (listen and GET) end; calls in flight
   * get up to the configured grace period to finish and answer; then sessions end (cancelling what
   * is left) and the event loops stop.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.stopAccepting();
    services.listeners().endAll();
    services.sessions().endStreams();
    blocking.shutdown();
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    try {
      if (!blocking.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("calls still running after {}; cancelling them", config.shutdownGrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Answers of finished calls may still sit in an event loop's queue: let them reach the wire.
    if (!http.awaitAnswersWritten(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
      LOG.warn(
          "answers still unwritten after {}; closing their connections", config.shutdownGrace());
    }
    services.sessions().endAll();
    blocking.shutdownNow();
    for (AutoCloseable resource : closeOnStop) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("could not close {} on stop: {}", resource, e.toString());
      }
    }
    http.shutdown(config.shutdownGrace());
  }

  private static void schedule(HttpServer http, Duration every, Runnable task) {
    long millis = Math.max(10, every.toMillis());
    http.workers()
        .next()
        .scheduleAtFixedRate(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.warn("periodic task failed", e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
  }

  private static Duration sweepInterval(Duration idleTimeout) {
    Duration half = idleTimeout.dividedBy(2);
    return half.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : half;
  }

  private static String authority(InetSocketAddress address) {
    // Bound to every interface (0.0.0.0, reported as :: where IPv6 is on): loopback reaches it.
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
