package dev.mcpfleet.runtime.http.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local upstream for client tests on an ephemeral port (Netty, so that it can misbehave at will:
 * cut an answer short, send more than asked, drop a reused connection), over TLS when given a
 * context. Counts the connections it accepted.
 */
public final class TestUpstream implements AutoCloseable {

  /** What a path answers; {@code served} counts the requests before this one on the connection. */
  @FunctionalInterface
  public interface Behaviour {
    void answer(ChannelHandlerContext ctx, FullHttpRequest request, int served);
  }

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final boolean secure;
  private final Channel server;

  public TestUpstream() throws InterruptedException {
    this(null);
  }

  public TestUpstream(SslContext tls) throws InterruptedException {
    this.secure = tls != null;
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    ch.closeFuture().addListener(f -> open.decrementAndGet());
                    if (tls != null) {
                      ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                    }
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new Router());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  /** Serves {@code behaviour} at {@code path}; returns this. */
  public TestUpstream route(String path, Behaviour behaviour) {
    routes.put(path, behaviour);
    return this;
  }

  public String url(String path) {
    return (secure ? "https" : "http") + "://127.0.0.1:" + port() + path;
  }

  public int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  private final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
    private int served;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = request.uri().replaceFirst("\\?.*", "");
      Behaviour behaviour = routes.getOrDefault(path, text(404, "no route " + path));
      behaviour.answer(ctx, request, served++);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close(); // a client that hung up or failed TLS: nothing to report
    }
  }

  /** A complete keep-alive answer. */
  public static Behaviour text(int status, String body) {
    return (ctx, request, served) -> ctx.writeAndFlush(response(status, body));
  }

  /** Echoes the request's query string as the body. */
  public static Behaviour echoQuery() {
    return (ctx, request, served) -> {
      String uri = request.uri();
      ctx.writeAndFlush(
          response(200, uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : ""));
    };
  }

  /** Answers after {@code millis}. */
  public static Behaviour slow(long millis, String body) {
    return (ctx, request, served) ->
        ctx.executor()
            .schedule(() -> ctx.writeAndFlush(response(200, body)), millis, TimeUnit.MILLISECONDS);
  }

  /** Answers, then closes the connection as the answer says. */
  public static Behaviour closing(String body) {
    return (ctx, request, served) -> {
      FullHttpResponse response = response(200, body);
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    };
  }

  /** Promises {@code declared} bytes, sends {@code sent}, and closes the connection. */
  public static Behaviour cutShort(int declared, int sent) {
    return (ctx, request, served) -> {
      DefaultHttpResponse head =
          new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_LENGTH, declared);
      ctx.write(head);
      ctx.writeAndFlush(
              new io.netty.handler.codec.http.DefaultHttpContent(
                  Unpooled.wrappedBuffer(new byte[sent])))
          .addListener(ChannelFutureListener.CLOSE);
    };
  }

  /** Sends {@code bytes} of body, chunked (no length announced) or with a Content-Length. */
  public static Behaviour large(int bytes, boolean chunked) {
    return (ctx, request, served) -> {
      DefaultHttpResponse head =
          new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      if (chunked) {
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      } else {
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes);
      }
      ctx.write(head);
      int chunk = 64 * 1024;
      for (int sent = 0; sent < bytes; sent += chunk) {
        ctx.write(
            new io.netty.handler.codec.http.DefaultHttpContent(
                Unpooled.wrappedBuffer(new byte[Math.min(chunk, bytes - sent)])));
      }
      ctx.writeAndFlush(new DefaultLastHttpContent());
    };
  }

  /**
   * Answers the first request of each connection and closes it without answering the next, as an
   * upstream does whose keep-alive timeout ran out just as a request arrived.
   */
  public static Behaviour dropsReusedConnections(String body) {
    return (ctx, request, served) -> {
      if (served == 0) {
        ctx.writeAndFlush(response(200, body));
      } else {
        ctx.close();
      }
    };
  }

  static FullHttpResponse response(int status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status),
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    return response;
  }
}
