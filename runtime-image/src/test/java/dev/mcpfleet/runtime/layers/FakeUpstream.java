package dev.mcpfleet.runtime.layers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP API on a free loopback port that an http tool calls, and that a test can make fail: it
 * answers {@code {"temp": N}} (N counts the calls), or 503 while {@link #failing} is set. It also
 * records the traceparent header it last received.
 */
public final class FakeUpstream implements AutoCloseable {

  private final HttpServer server;
  public final AtomicInteger calls = new AtomicInteger();
  public final AtomicReference<String> lastTraceparent = new AtomicReference<>();
  private volatile boolean failing;

  public FakeUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int n = calls.incrementAndGet();
          lastTraceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
          byte[] body =
              (failing ? "{\"error\":\"down\"}" : "{\"temp\":" + n + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes every answer 503 (or normal again). */
  public void failing(boolean value) {
    failing = value;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
