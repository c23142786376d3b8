package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.CallContext;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One request of the runtime to the upstream, from sending to its response. The thread that waits
 * for it ({@link #await}) also relays, on the way, what the server sends about it: progress and log
 * messages to the client, and the server's questions to the client and their answers back. So a
 * question is asked from the client's own call, in whatever revision that client speaks.
 */
final class UpstreamCall {

  /** The transport or this exchange broke before the response came. */
  private record Failure(String why) {}

  private final UpstreamSession session;
  private final long id;
  private final String method;
  private final boolean item;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private volatile Runnable abort = () -> {};

  UpstreamCall(UpstreamSession session, long id, String method, boolean item) {
    this.session = session;
    this.id = id;
    this.method = method;
    this.item = item;
  }

  long id() {
    return id;
  }

  boolean item() {
    return item;
  }

  void deliver(JsonNode message) {
    events.add(message);
  }

  void failed(String why) {
    events.add(new Failure(why));
  }

  void abortWith(Runnable abort) {
    this.abort = abort;
  }

  void abort() {
    abort.run();
  }

  /**
   * Waits for the response, relaying what comes before it to {@code context} (null: nobody to relay
   * to; questions are refused).
   *
   * @return the response's result
   * @throws UpstreamException when the server answered with an error, broke off or timed out
   * @throws InterruptedException when the waiting thread was interrupted (the client cancelled or a
   *     timeout layer stopped the call); the server is told to stop
   * @throws CallContext.InputRequiredSignal when a 2026-07-28 client must answer a question first;
   *     the server is told to stop, and the client's retry runs the request again
   */
  JsonNode await(CallContext context, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    ClientQuestions questions = new ClientQuestions(session, context);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Object event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
        if (event == null) {
          session.cancel(this, "timed out after " + timeout.toMillis() + " ms");
          throw UpstreamException.timeout(method, timeout);
        }
        if (event instanceof Failure failure) {
          session.forget(this);
          throw UpstreamException.unavailable(failure.why());
        }
        JsonNode message = (JsonNode) event;
        String notification = Json.text(message, "method");
        if (notification == null) {
          session.forget(this);
          return result(message);
        }
        if (message.has("id")) {
          questions.answer(message);
        } else {
          relay(notification, message.path("params"), context);
        }
      }
    } catch (InterruptedException e) {
      session.cancel(this, "the client cancelled the request");
      throw e;
    } catch (CallContext.InputRequiredSignal e) {
      session.cancel(this, "the client must answer a question first; the request will be repeated");
      throw e;
    }
  }

  private JsonNode result(JsonNode response) throws UpstreamException {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw UpstreamException.answered(method, error);
    }
    return response.path("result");
  }

  private static void relay(String notification, JsonNode params, CallContext context) {
    if (context == null) {
      return;
    }
    if (notification.equals("notifications/progress")) {
      JsonNode total = params.get("total");
      context.progress(
          params.path("progress").asDouble(),
          total != null && total.isNumber() ? total.asDouble() : null,
          Json.text(params, "message"));
    } else if (notification.equals("notifications/message")) {
      try {
        context.log(
            params.path("level").asText("info"), Json.text(params, "logger"), params.path("data"));
      } catch (IllegalArgumentException e) {
        // a level the spec does not know: not relayed
      }
    }
  }
}
