package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.RequestObserver;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One HTTP request/response exchange on the MCP endpoint. The answer is a plain JSON response
 * unless something is sent before it (a progress or log notification, a request to the client),
 * which turns the response into an SSE stream. Every method may be called from any thread: the work
 * hops to the connection's event loop, so writes keep their order.
 */
public final class HttpExchange implements Exchange {

  private enum State {
    PENDING,
    STREAMING,
    DONE
  }

  private final Channel channel;
  private final HttpHeaders requestHeaders;
  private final boolean keepAlive;
  private final boolean acceptsJson;
  private final boolean acceptsSse;
  private final Caller caller;
  private final long startNanos;
  private final Pipeline pipeline;
  private final Runnable onDone;
  private final Map<String, String> responseHeaders = new LinkedHashMap<>();
  private final List<Runnable> onAbort = new CopyOnWriteArrayList<>();
  private State state = State.PENDING;
  private volatile boolean finished;
  private volatile boolean aborted;
  private volatile String method;
  private volatile String outcome;

  HttpExchange(
      Channel channel,
      HttpHeaders requestHeaders,
      boolean keepAlive,
      boolean acceptsJson,
      boolean acceptsSse,
      Caller caller,
      long startNanos,
      Pipeline pipeline,
      Runnable onDone) {
    this.channel = channel;
    this.requestHeaders = requestHeaders;
    this.keepAlive = keepAlive;
    this.acceptsJson = acceptsJson;
    this.acceptsSse = acceptsSse;
    this.caller = caller;
    this.startNanos = startNanos;
    this.pipeline = pipeline;
    this.onDone = onDone;
  }

  @Override
  public HttpHeaders requestHeaders() {
    return requestHeaders;
  }

  @Override
  public Caller caller() {
    return caller;
  }

  /** The layers this request passes: one snapshot for the whole request. */
  @Override
  public Pipeline pipeline() {
    return pipeline;
  }

  @Override
  public ByteBufAllocator alloc() {
    return channel.alloc();
  }

  /** Whether the client accepts an SSE stream, so notifications can precede the answer. */
  @Override
  public boolean acceptsSse() {
    return acceptsSse;
  }

  /** True once the answer was written or the connection closed. */
  @Override
  public boolean finished() {
    return finished;
  }

  /** Names the request for observers: its JSON-RPC method and outcome (success, error, ...). */
  @Override
  public void describe(String method, String outcome) {
    this.method = method;
    this.outcome = outcome;
  }

  /** Adds a header to the response (before it starts). */
  @Override
  public void header(String name, String value) {
    onLoop(() -> responseHeaders.put(name, value));
  }

  /** Runs {@code action} if the connection closes before the answer is complete. */
  @Override
  public void onAbort(Runnable action) {
    onAbort.add(action);
    if (aborted && onAbort.remove(action)) {
      action.run();
    }
  }

  /** Whether the client went away before the answer was complete. */
  @Override
  public boolean aborted() {
    return aborted;
  }

  /** Sends a message ahead of the answer, opening the SSE stream; dropped when SSE is refused. */
  @Override
  public boolean send(ByteBuf message) {
    if (!acceptsSse) {
      message.release();
      return false;
    }
    onLoop(
        () -> {
          if (state == State.DONE) {
            message.release();
            return;
          }
          startStream();
          writeEvent(message, false);
        });
    return true;
  }

  /** Opens the SSE stream now (listen and GET streams). */
  @Override
  public void openStream() {
    onLoop(this::startStream);
  }

  /** Writes an SSE comment that keeps an idle stream alive through proxies. */
  @Override
  public void keepAlive() {
    onLoop(
        () -> {
          if (state == State.STREAMING) {
            channel.writeAndFlush(SseFrames.keepAlive());
          }
        });
  }

  /**
   * The final answer: the last SSE event if streaming, else a JSON response with {@code status}.
   */
  @Override
  public void finish(HttpResponseStatus status, ByteBuf message) {
    onLoop(
        () -> {
          switch (state) {
            case DONE -> message.release();
            case STREAMING -> writeEvent(message, true);
            case PENDING -> {
              // Errors keep their HTTP status, so they never become a stream.
              if (acceptsJson || !acceptsSse || status.code() != 200) {
                state = State.DONE;
                HttpReplies.write(
                        channel, HttpReplies.json(status, message, responseHeaders), keepAlive)
                    .addListener(f -> done(status.code()));
              } else {
                startStream();
                writeEvent(message, true);
              }
            }
          }
        });
  }

  /** Answers with a status and no body (202 for accepted notifications and responses). */
  @Override
  public void finishEmpty(HttpResponseStatus status) {
    onLoop(
        () -> {
          if (state == State.PENDING) {
            state = State.DONE;
            HttpReplies.write(
                    channel, HttpReplies.full(status, null, null, responseHeaders), keepAlive)
                .addListener(f -> done(status.code()));
          } else {
            end();
          }
        });
  }

  /** Ends an SSE stream without a further message (a cancelled call, a closed subscription). */
  @Override
  public void end() {
    onLoop(
        () -> {
          if (state == State.STREAMING) {
            state = State.DONE;
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> done(200));
            if (!keepAlive) {
              channel.close();
            }
          } else if (state == State.PENDING) {
            startStream();
            end();
          }
        });
  }

  private void startStream() {
    if (state != State.PENDING) {
      return;
    }
    state = State.STREAMING;
    channel.writeAndFlush(SseFrames.head(keepAlive, responseHeaders));
  }

  private void writeEvent(ByteBuf message, boolean last) {
    HttpContent event = SseFrames.event(message);
    if (!last) {
      channel.writeAndFlush(event);
      return;
    }
    state = State.DONE;
    channel.write(event);
    var future = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    future.addListener(f -> done(200));
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void done(int status) {
    if (finished) {
      return;
    }
    finished = true;
    long nanos = System.nanoTime() - startNanos;
    String name = method == null ? "http" : method;
    String result = outcome != null ? outcome : status < 400 ? "success" : "error";
    for (RequestObserver observer : pipeline.observers()) {
      observer.answered(name, result, nanos);
    }
    onDone.run();
  }

  /** The connection closed; called on the event loop by the connection's handler. */
  void connectionClosed() {
    if (state == State.DONE) {
      return;
    }
    state = State.DONE;
    aborted = true;
    done(499);
    for (Runnable action : onAbort) {
      if (onAbort.remove(action)) {
        action.run();
      }
    }
  }

  private void onLoop(Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
    } else {
      channel.eventLoop().execute(task);
    }
  }
}
