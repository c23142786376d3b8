package dev.mcpfleet.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an upstream HTTP API on a free loopback port: fixed JSON answers per method and
 * path, and a record of every request it got (so tests see the headers the runtime sent).
 */
public final class StubApi implements AutoCloseable {

  /** One request as the stub received it. */
  public record Request(
      String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  private record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Answers {@code method path} (path without the query) with JSON; a path ending in {@code *}
   * answers every path it begins.
   */
  public StubApi json(String method, String path, int status, String body) {
    answers.put(method + " " + path, new Answer(status, "application/json", body));
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      requests.add(
          new Request(
              method,
              query == null ? path : path + "?" + query,
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      Answer answer = answers.get(method + " " + path);
      if (answer == null) {
        answer =
            answers.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*"))
                .filter(
                    e ->
                        (method + " " + path)
                            .startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
      }
      if (answer == null) {
        answer = new Answer(404, "application/json", "{\"message\":\"Not Found\"}");
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
