package dev.mcpfleet.runtime.declarative.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A local HTTP API for HTTP tool tests, on an ephemeral port; remembers the last request. */
final class StubUpstream implements AutoCloseable {

  /** The last request: method, path with raw query, headers, body. */
  record Seen(String method, String uri, com.sun.net.httpserver.Headers headers, String body) {}

  private final HttpServer server;
  volatile Seen last;

  StubUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/weather",
        ex ->
            answer(
                ex,
                200,
                "application/json",
                "{\"now\":{\"temp\":21.5,\"sky\":\"clear\"},\"unit\":\"C\"}"));
    server.createContext(
        "/text", ex -> answer(ex, 200, "text/plain; charset=utf-8", "plain words"));
    server.createContext(
        "/missing", ex -> answer(ex, 404, "application/json", "{\"error\":\"no such city\"}"));
    server.createContext("/broken", ex -> answer(ex, 503, "text/plain", "maintenance"));
    server.createContext(
        "/moved",
        ex -> {
          ex.getResponseHeaders().add("Location", "https://elsewhere.example.com/");
          answer(ex, 302, "text/plain", "");
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(ex, 200, "text/plain", "late");
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    last =
        new Seen(
            ex.getRequestMethod(),
            ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + ex.getRequestURI().getRawQuery()),
            ex.getRequestHeaders(),
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
