package dev.mcpfleet.runtime.http.client;

import dev.mcpfleet.runtime.http.client.HttpCallException.Reason;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runtime's client for upstream HTTP APIs: HTTP/1.1 over Netty on the server's own event loops
 * ({@link #runOn}), keep-alive connections pooled per scheme, host and port ({@link HostPools}),
 * TLS with hostname verification, redirects returned as they are (never followed), answers read
 * whole up to a cap.
 *
 * <p>{@link #send} blocks its caller, which must be a virtual thread (or any thread but an event
 * loop), until the answer is complete or the request's timeout has passed; the I/O itself never
 * blocks a thread.
 *
 * <pre>{@code
 * UpstreamHttpClient client = new UpstreamHttpClient(ClientSettings.defaults());
 * client.runOn(server.eventLoops());
 * HttpHeaders headers = UpstreamRequest.newHeaders().add("Accept", "application/json");
 * UpstreamResponse answer = client.send(new UpstreamRequest(
 *     "GET", URI.create("https://api.example.com/v1/x"), headers, null, Duration.ofSeconds(5)));
 * }</pre>
 */
public final class UpstreamHttpClient implements AutoCloseable {

  private static final String USER_AGENT = "mcp-fleet";

  private final ClientSettings settings;
  private final EventLoops loops = new EventLoops();
  private final HostPools pools;
  private volatile boolean closed;

  public UpstreamHttpClient(ClientSettings settings) {
    this.settings = settings;
    this.pools = new HostPools(settings, loops);
  }

  /**
   * Puts the connections to origins first called from now on on {@code group}, the server's event
   * loops, instead of the client's own. Call it before the first request.
   */
  public void runOn(EventLoopGroup group) {
    loops.attach(group);
  }

  /**
   * Sends {@code request} and waits for its complete answer, whatever its status. A request that a
   * reused connection lost before any answer (the upstream had just closed it) is sent once more on
   * a fresh connection when its method is idempotent.
   *
   * @throws IllegalArgumentException when the request sets a header that this client owns ({@code
   *     Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}...) or the URI
   *     is not http(s)
   * @throws HttpCallException when no complete answer came, with the reason
   */
  public UpstreamResponse send(UpstreamRequest request)
      throws HttpCallException, InterruptedException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    Origin origin = Origin.of(request.uri());
    HttpHeaders headers = RequestHeaders.of(origin, request, USER_AGENT);
    if (closed) {
      throw new HttpCallException(Reason.IO, "could not be sent: the runtime is stopping", null);
    }
    FixedChannelPool pool = pools.get(origin);
    try {
      return attempt(pool, origin, request, headers, deadline, false);
    } catch (HttpCallException e) {
      if (!e.unanswered() || !request.idempotent()) {
        throw e;
      }
      return attempt(pool, origin, request, headers, deadline, true);
    }
  }

  private UpstreamResponse attempt(
      FixedChannelPool pool,
      Origin origin,
      UpstreamRequest request,
      HttpHeaders headers,
      long deadline,
      boolean fresh)
      throws HttpCallException, InterruptedException {
    Channel channel = acquire(pool, origin, deadline, fresh);
    ExchangeHandler handler = channel.pipeline().get(ExchangeHandler.class);
    Exchange exchange =
        new Exchange(wire(request, headers), channel, pool, handler != null && handler.reused());
    channel
        .writeAndFlush(exchange)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                if (exchange.request().refCnt() > 0) {
                  exchange.request().release(); // it never reached the codec
                }
                exchange.fail(
                    ExchangeHandler.failure(
                        f.cause(), exchange.reusedConnection(), settings.maxResponseBytes()));
              }
            });
    try {
      return exchange.answer().get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      HttpCallException late =
          new HttpCallException(
              Reason.TIMEOUT, "did not answer within " + request.timeout().toMillis() + " ms", e);
      exchange.fail(late); // closes the connection: a late answer would belong to nobody
      throw late;
    } catch (InterruptedException e) {
      exchange.fail(new HttpCallException(Reason.IO, "the call was cancelled", e));
      throw e;
    } catch (ExecutionException e) {
      throw (HttpCallException) e.getCause();
    }
  }

  private static FullHttpRequest wire(UpstreamRequest request, HttpHeaders headers) {
    return new DefaultFullHttpRequest(
        HttpVersion.HTTP_1_1,
        HttpMethod.valueOf(request.method()),
        RequestHeaders.target(request.uri()),
        request.body() == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(request.body()),
        headers,
        DefaultHttpHeadersFactory.trailersFactory().newEmptyHeaders());
  }

  /**
   * A connection from the pool, connected and (for https) past its TLS handshake, before {@code
   * deadline}. When {@code fresh}, connections that carried an answer before are closed rather than
   * used: the upstream has just dropped one of them.
   */
  private Channel acquire(FixedChannelPool pool, Origin origin, long deadline, boolean fresh)
      throws HttpCallException, InterruptedException {
    for (int tries = 0; ; tries++) {
      Channel channel = await(pool, origin, pool.acquire(), deadline);
      ExchangeHandler handler = channel.pipeline().get(ExchangeHandler.class);
      if (fresh
          && handler != null
          && handler.reused()
          && tries < settings.maxConnectionsPerHost()) {
        channel.close();
        pool.release(channel);
        continue;
      }
      SslHandler tls = channel.pipeline().get(SslHandler.class);
      if (tls != null && !tls.handshakeFuture().isSuccess()) {
        awaitHandshake(pool, channel, tls, deadline);
      }
      return channel;
    }
  }

  private Channel await(
      FixedChannelPool pool, Origin origin, Future<Channel> acquiring, long deadline)
      throws HttpCallException, InterruptedException {
    // Bridged to a CompletableFuture: a virtual thread parks on it without holding a carrier.
    CompletableFuture<Channel> got = new CompletableFuture<>();
    acquiring.addListener(
        f -> {
          if (!f.isSuccess()) {
            got.completeExceptionally(f.cause());
          } else if (!got.complete(acquiring.getNow())) {
            pool.release(acquiring.getNow()); // the caller gave up meanwhile
          }
        });
    try {
      return got.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      if (!got.cancel(false) && !got.isCompletedExceptionally()) {
        pool.release(got.join());
      }
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw pool.acquiredChannelCount() >= settings.maxConnectionsPerHost()
          ? busy(origin, "none came free in time")
          : new HttpCallException(Reason.CONNECT_TIMEOUT, "could not connect in time", e);
    } catch (ExecutionException e) {
      throw acquireFailure(origin, e.getCause());
    }
  }

  private void awaitHandshake(FixedChannelPool pool, Channel channel, SslHandler tls, long deadline)
      throws HttpCallException, InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    tls.handshakeFuture()
        .addListener(
            h -> {
              if (h.isSuccess()) {
                done.complete(null);
              } else {
                done.completeExceptionally(h.cause());
              }
            });
    try {
      done.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      channel.close();
      pool.release(channel);
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw e instanceof ExecutionException failed
          ? ExchangeHandler.failure(failed.getCause(), false, settings.maxResponseBytes())
          : new HttpCallException(Reason.CONNECT_TIMEOUT, "could not connect in time", e);
    }
  }

  private HttpCallException acquireFailure(Origin origin, Throwable cause) {
    if (cause instanceof IllegalStateException
        && String.valueOf(cause.getMessage()).contains("Too many outstanding")) {
      return busy(
          origin, "the line for one was full (" + settings.maxWaitingPerHost() + " waiting)");
    }
    if (cause instanceof IllegalStateException) {
      return new HttpCallException(Reason.IO, "could not be sent: the runtime is stopping", cause);
    }
    if (cause instanceof ConnectTimeoutException) {
      return new HttpCallException(Reason.CONNECT_TIMEOUT, "could not connect in time", cause);
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return new HttpCallException(Reason.REFUSED, "refused the connection", cause);
    }
    if (cause instanceof UnknownHostException) {
      return new HttpCallException(
          Reason.UNKNOWN_HOST, "has a host name that does not resolve", cause);
    }
    return ExchangeHandler.failure(cause, false, settings.maxResponseBytes());
  }

  private HttpCallException busy(Origin origin, String detail) {
    return new HttpCallException(
        Reason.BUSY,
        "could not be sent: all "
            + settings.maxConnectionsPerHost()
            + " connections to "
            + origin
            + " were busy and "
            + detail,
        null);
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** Open connections to the origin of {@code uri}, in use or idle: for tests and metrics. */
  public int openConnections(URI uri) {
    return pools.open(Origin.of(uri));
  }

  /**
   * Refuses new requests and closes the idle connections; those in use close when their answer is
   * complete. Call it while the event loops still run (before the server's loops stop).
   */
  @Override
  public void close() {
    closed = true;
    try {
      pools.close();
    } catch (RejectedExecutionException e) {
      // The loops have stopped already, and their connections with them.
    }
  }
}
