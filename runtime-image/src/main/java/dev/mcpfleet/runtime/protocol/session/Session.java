package dev.mcpfleet.runtime.protocol.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.LogLevel;
import dev.mcpfleet.runtime.protocol.Revision;
import dev.mcpfleet.runtime.transport.Exchange;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One legacy session: what {@code initialize} negotiated, and what lives between its requests (log
 * level, resource subscriptions, the GET stream, calls in flight, requests awaiting the client).
 */
public final class Session {

  private final String id;
  private final Revision revision;
  private final ObjectNode clientCapabilities;
  private final String callerId;
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<JsonNode>> awaitingClient = new ConcurrentHashMap<>();
  private final Map<String, Runnable> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong serverRequestIds = new AtomicLong();
  private volatile long lastSeenNanos = System.nanoTime();
  private volatile LogLevel logLevel = LogLevel.INFO;
  private volatile Exchange stream;
  private volatile boolean ended;

  Session(String id, Revision revision, ObjectNode clientCapabilities, String callerId) {
    this.id = id;
    this.revision = revision;
    this.clientCapabilities = clientCapabilities;
    this.callerId = callerId;
  }

  public String id() {
    return id;
  }

  public Revision revision() {
    return revision;
  }

  public ObjectNode clientCapabilities() {
    return clientCapabilities;
  }

  /** The caller that created the session; only it may use the session. */
  public String callerId() {
    return callerId;
  }

  public LogLevel logLevel() {
    return logLevel;
  }

  public void logLevel(LogLevel level) {
    this.logLevel = level;
  }

  public Set<String> subscriptions() {
    return subscriptions;
  }

  public boolean ended() {
    return ended;
  }

  void touch() {
    lastSeenNanos = System.nanoTime();
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  /** Busy sessions (an open stream, calls or client requests pending) never expire. */
  boolean busy() {
    return stream != null || !inFlight.isEmpty() || !awaitingClient.isEmpty();
  }

  /** The open GET stream, or null. */
  public Exchange stream() {
    return stream;
  }

  /** Takes {@code exchange} as the GET stream; false when one is open already. */
  public synchronized boolean openStream(Exchange exchange) {
    if (stream != null && !stream.finished()) {
      return false;
    }
    stream = exchange;
    exchange.onAbort(() -> closeStream(exchange));
    return true;
  }

  private synchronized void closeStream(Exchange exchange) {
    if (stream == exchange) {
      stream = null;
      touch();
    }
  }

  /** Registers a call that {@code notifications/cancelled} may cancel. */
  public void started(JsonNode requestId, Runnable cancel) {
    inFlight.put(requestId.toString(), cancel);
  }

  public void finished(JsonNode requestId) {
    inFlight.remove(requestId.toString());
    touch();
  }

  /** Cancels the call with this id; false when no such call is running. */
  public boolean cancel(JsonNode requestId) {
    Runnable cancel = inFlight.remove(requestId.toString());
    if (cancel != null) {
      cancel.run();
    }
    return cancel != null;
  }

  /** A fresh id for a request to the client and the future its answer completes. */
  public Map.Entry<String, CompletableFuture<JsonNode>> awaitClient() {
    String requestId = "mcp-fleet-" + serverRequestIds.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    awaitingClient.put(requestId, answer);
    answer.whenComplete((r, e) -> awaitingClient.remove(requestId));
    return Map.entry(requestId, answer);
  }

  /** Delivers the client's response to a request the server sent; false when none awaits it. */
  public boolean answered(JsonNode id, JsonNode response) {
    CompletableFuture<JsonNode> answer = id.isTextual() ? awaitingClient.get(id.asText()) : null;
    return answer != null && answer.complete(response);
  }

  /** Ends the session: the stream closes, calls are cancelled, waits for the client fail. */
  void end() {
    ended = true;
    Exchange open = stream;
    if (open != null) {
      open.end();
    }
    inFlight.values().forEach(Runnable::run);
    inFlight.clear();
    awaitingClient
        .values()
        .forEach(f -> f.completeExceptionally(new IllegalStateException("the session ended")));
  }
}
