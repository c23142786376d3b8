package dev.mcpfleet.runtime.http.client;

import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request on one pooled connection and the answer it is waiting for. It is written to the
 * channel as a message, which {@link ExchangeHandler} unwraps, and completed by it on the event
 * loop, or failed by the caller when its deadline passes. Whoever finishes it first gives the
 * connection back to its pool, exactly once: kept open only after a complete keep-alive answer.
 */
final class Exchange {

  private final FullHttpRequest request;
  private final Channel channel;
  private final ChannelPool pool;
  private final boolean reusedConnection;
  private final CompletableFuture<UpstreamResponse> answer = new CompletableFuture<>();
  private final AtomicBoolean givenBack = new AtomicBoolean();

  /**
   * @param reusedConnection whether the connection carried an answer before: the upstream may have
   *     closed it since, so a failure before any answer means "not processed"
   */
  Exchange(FullHttpRequest request, Channel channel, ChannelPool pool, boolean reusedConnection) {
    this.request = request;
    this.channel = channel;
    this.pool = pool;
    this.reusedConnection = reusedConnection;
  }

  FullHttpRequest request() {
    return request;
  }

  boolean reusedConnection() {
    return reusedConnection;
  }

  /** Completed with the answer, or failed with an {@link HttpCallException}. */
  CompletableFuture<UpstreamResponse> answer() {
    return answer;
  }

  /**
   * Completes with {@code response}; the connection goes back to the pool open when {@code
   * keepAlive}, closed otherwise. Given back before the caller wakes, so that the next call in line
   * gets it at once.
   */
  void complete(UpstreamResponse response, boolean keepAlive) {
    giveBack(keepAlive);
    answer.complete(response);
  }

  /** Fails with {@code failure} (the first outcome wins) and closes the connection. */
  void fail(HttpCallException failure) {
    giveBack(false);
    answer.completeExceptionally(failure);
  }

  private void giveBack(boolean reusable) {
    if (givenBack.compareAndSet(false, true)) {
      if (!reusable) {
        channel.close();
      }
      pool.release(channel);
    }
  }
}
