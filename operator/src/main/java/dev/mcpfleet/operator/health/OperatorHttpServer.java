package dev.mcpfleet.operator.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operator's own endpoints on one port: {@code /healthz} (liveness: the process serves and is
 * not shutting down), {@code /readyz} (readiness: the operator started and its informers are synced
 * and healthy) and {@code /metrics} (Prometheus text format).
 */
public final class OperatorHttpServer implements AutoCloseable {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private volatile boolean stopping;

  private OperatorHttpServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving.
   *
   * @param port 0 picks a free port
   * @param ready whether the operator is ready to reconcile
   * @param metrics the current metrics in Prometheus text format
   */
  public static OperatorHttpServer start(int port, BooleanSupplier ready, Supplier<String> metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    OperatorHttpServer http = new OperatorHttpServer(server);
    server.createContext("/healthz", ex -> http.probe(ex, !http.stopping));
    server.createContext("/readyz", ex -> http.probe(ex, !http.stopping && ready.getAsBoolean()));
    server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, metrics.get()));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return http;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Reports not alive and not ready from now on, so no traffic or restart races the shutdown. */
  public void stopping() {
    stopping = true;
  }

  @Override
  public void close() {
    stopping = true;
    server.stop(0);
  }

  private void probe(HttpExchange exchange, boolean ok) throws IOException {
    respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "not ready\n");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
