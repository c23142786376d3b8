package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP transport (2025-03-26 to 2025-11-25, client side), for a sidecar on
 * localhost: every message is a POST; a request's answer comes as JSON or as an SSE stream that
 * also carries the notifications and requests tied to it; the session id the server assigns travels
 * on every later request, with the negotiated {@code MCP-Protocol-Version}; a GET stream, when the
 * server offers one, brings what belongs to no request (list changes). The client's own headers
 * (Authorization above all) never reach the upstream: only what this class sets is sent.
 */
final class HttpTransport implements UpstreamTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final String SESSION = "Mcp-Session-Id";
  private static final String VERSION = "MCP-Protocol-Version";
  private static final Duration RECONNECT = Duration.ofSeconds(1);

  private final URI endpoint;
  private final HttpClient client;
  private Inbound inbound;
  private volatile String sessionId;
  private volatile String protocolVersion;
  private volatile boolean closed;
  private volatile Thread listener;

  HttpTransport(URI endpoint) {
    this.endpoint = endpoint;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void start(Inbound inbound) {
    this.inbound = inbound;
  }

  @Override
  public Runnable request(ObjectNode request, Inbound related) {
    HttpRequest post = post(request);
    JsonNode id = request.get("id");
    Thread exchange =
        Thread.ofVirtual().name("upstream-http").start(() -> exchange(post, id, related));
    // Interrupting the exchange's thread cancels its HTTP request and closes the stream.
    return exchange::interrupt;
  }

  private void exchange(HttpRequest post, JsonNode id, Inbound related) {
    HttpResponse<Stream<String>> response;
    try {
      response = client.send(post, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      String why =
          "cannot reach the upstream at "
              + endpoint
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      related.closed(why);
      if (e instanceof ConnectException) {
        // Nothing listens: the sidecar is down or restarting. The session goes with it, so the
        // runtime reports not ready and connects afresh once the sidecar is back.
        inbound.closed(why);
      }
      return;
    } catch (InterruptedException e) {
      return; // the request was abandoned: nobody waits for it any more
    }
    response.headers().firstValue(SESSION).ifPresent(s -> sessionId = s);
    try (Stream<String> body = response.body()) {
      int status = response.statusCode();
      if (status == 404 && sessionId != null) {
        related.closed("the upstream ended its session (HTTP 404)");
        inbound.closed("the upstream ended its session (HTTP 404); starting a new one");
        return;
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status == 200 && type.startsWith("text/event-stream")) {
        boolean answered = SseReader.read(body.iterator(), data -> deliver(data, id, related));
        if (!answered) {
          related.closed("the upstream's event stream ended before the response");
        }
        return;
      }
      String text = String.join("\n", (Iterable<String>) body::iterator);
      JsonNode message = parse(text);
      if (message != null && message.isObject() && message.has("id")) {
        related.message(message);
      } else {
        related.closed("the upstream answered HTTP " + status + ": " + abbreviate(text));
      }
    } catch (UncheckedIOException e) {
      if (!Thread.currentThread().isInterrupted()) {
        related.closed("the upstream's answer broke off: " + e.getCause().getMessage());
      }
    }
  }

  /** Hands one event over; true once the response to {@code id} has arrived. */
  private static boolean deliver(String data, JsonNode id, Inbound related) {
    JsonNode message = parse(data);
    if (message == null || !message.isObject()) {
      return false;
    }
    related.message(message);
    return !message.has("method") && id.equals(message.get("id"));
  }

  @Override
  public void send(ObjectNode message) throws IOException {
    try {
      HttpResponse<String> response =
          client.send(post(message), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        LOG.debug(
            "the upstream refused {} with HTTP {}",
            message.path("method").asText("a response"),
            response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending to the upstream", e);
    }
  }

  @Override
  public boolean relatesMessages() {
    return true;
  }

  @Override
  public void initialized(String protocolVersion) {
    // The header exists from 2025-06-18 on; older servers ignore it, but some reject values
    // they do not know, so it is sent only where the revision defines it.
    this.protocolVersion = protocolVersion.compareTo("2025-06-18") >= 0 ? protocolVersion : null;
    listener = Thread.ofVirtual().name("upstream-http-listen").start(this::listen);
  }

  /** The GET stream: what the server sends outside any request, reopened until closed. */
  private void listen() {
    while (!closed) {
      HttpRequest.Builder get =
          HttpRequest.newBuilder(endpoint).GET().header("Accept", "text/event-stream");
      headers(get);
      try {
        HttpResponse<Stream<String>> response =
            client.send(get.build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = response.body()) {
          if (response.statusCode() == 405) {
            return; // the server offers no GET stream
          }
          if (response.statusCode() == 404 && sessionId != null) {
            inbound.closed("the upstream ended its session (HTTP 404); starting a new one");
            return;
          }
          if (response.statusCode() == 200) {
            Iterator<String> lines = body.iterator();
            SseReader.read(lines, this::deliverUnrelated);
          }
        }
        Thread.sleep(RECONNECT);
      } catch (IOException | UncheckedIOException e) {
        if (!pause()) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits before reconnecting; false when interrupted (the transport is closing). */
  private static boolean pause() {
    try {
      Thread.sleep(RECONNECT);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private boolean deliverUnrelated(String data) {
    JsonNode message = parse(data);
    if (message != null && message.isObject()) {
      inbound.message(message);
    }
    return closed;
  }

  private HttpRequest post(ObjectNode message) {
    HttpRequest.Builder post =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
    headers(post);
    return post.build();
  }

  private void headers(HttpRequest.Builder request) {
    if (sessionId != null) {
      request.header(SESSION, sessionId);
    }
    if (protocolVersion != null) {
      request.header(VERSION, protocolVersion);
    }
  }

  @Override
  public String describe() {
    return endpoint.toString();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Thread get = listener;
    if (get != null) {
      get.interrupt();
    }
    if (sessionId != null) {
      HttpRequest.Builder delete = HttpRequest.newBuilder(endpoint).DELETE();
      delete.timeout(Duration.ofSeconds(2));
      headers(delete);
      try {
        client.send(delete.build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // the sidecar is gone already
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.shutdownNow();
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
