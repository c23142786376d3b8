package dev.mcpfleet.bench.runtime.baseline;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The physical limit of this machine for the benchmark's request shape: a Netty server that reads
 * each request whole and answers the same bytes every time, with no parsing and no logic. It is
 * also the fixed-answer upstream of the runtime's HTTP tool.
 *
 * <p>{@code {{id}}} in the answer is replaced by the JSON-RPC id of the request (found by a scan
 * for {@code "id":}), so that the benchmark's checks, which match ids, pass against it as they do
 * against an MCP server. An answer without the placeholder is sent as is.
 */
public final class FixedAnswerServer implements AutoCloseable {

  private static final byte[] ID_KEY = "\"id\":".getBytes(StandardCharsets.US_ASCII);

  private final EventLoopGroup group;
  private final Channel channel;

  private FixedAnswerServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Starts a server on 127.0.0.1:{@code port} (0 picks one) that answers {@code answer}. */
  public static FixedAnswerServer start(int port, String answer, String contentType)
      throws InterruptedException {
    return start(port, answer, contentType, HttpResponseStatus.OK);
  }

  /** The same with another status, for tests of the benchmark's checks. */
  public static FixedAnswerServer start(
      int port, String answer, String contentType, HttpResponseStatus status)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            0, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Answer fixed = Answer.of(answer, contentType, status);
    Channel channel =
        new ServerBootstrap()
            .group(group)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new Responder(fixed));
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", port))
            .sync()
            .channel();
    return new FixedAnswerServer(group, channel);
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * Runs the server until the process is killed. Arguments: {@code <port> <answer file> [content
   * type]}; prints {@code listening on <port>} once bound.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: FixedAnswerServer <port> <answer file> [content type]");
      System.exit(2);
    }
    String answer = Files.readString(Path.of(args[1]));
    String contentType = args.length > 2 ? args[2] : "application/json";
    FixedAnswerServer server = start(Integer.parseInt(args[0]), answer, contentType);
    System.out.println("listening on " + server.port());
    server.channel.closeFuture().sync();
  }

  /** The answer split around its id placeholder, encoded once. */
  private record Answer(
      byte[] head, byte[] tail, boolean echoesId, String contentType, HttpResponseStatus status) {
    static Answer of(String answer, String contentType, HttpResponseStatus status) {
      int at = answer.indexOf("{{id}}");
      if (at < 0) {
        return new Answer(
            answer.getBytes(StandardCharsets.UTF_8), new byte[0], false, contentType, status);
      }
      return new Answer(
          answer.substring(0, at).getBytes(StandardCharsets.UTF_8),
          answer.substring(at + "{{id}}".length()).getBytes(StandardCharsets.UTF_8),
          true,
          contentType,
          status);
    }
  }

  @ChannelHandler.Sharable
  private static final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Answer answer;

    Responder(Answer answer) {
      this.answer = answer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      ByteBuf body =
          answer.echoesId()
              ? Unpooled.wrappedBuffer(answer.head(), requestId(request.content()), answer.tail())
              : Unpooled.wrappedBuffer(answer.head());
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(), body);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
      HttpUtil.setContentLength(response, body.readableBytes());
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      var written = ctx.writeAndFlush(response);
      if (!keepAlive) {
        written.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      }
    }

    /** The bytes of the id value after the first {@code "id":}, or {@code null}. */
    private static byte[] requestId(ByteBuf content) {
      int start = indexOf(content, ID_KEY);
      if (start < 0) {
        return "null".getBytes(StandardCharsets.US_ASCII);
      }
      int from = start + ID_KEY.length;
      int to = from;
      while (to < content.writerIndex()) {
        byte b = content.getByte(to);
        if (b == ',' || b == '}') {
          break;
        }
        to++;
      }
      byte[] id = new byte[to - from];
      content.getBytes(from, id);
      return id;
    }

    private static int indexOf(ByteBuf content, byte[] key) {
      int last = content.writerIndex() - key.length;
      outer:
      for (int i = content.readerIndex(); i <= last; i++) {
        for (int k = 0; k < key.length; k++) {
          if (content.getByte(i + k) != key[k]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
