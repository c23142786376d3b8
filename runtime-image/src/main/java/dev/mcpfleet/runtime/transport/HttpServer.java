package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The listening socket: Netty on native epoll where it loads, NIO elsewhere. */
public final class HttpServer implements AutoCloseable {

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;
  private final InFlight inFlight;

  private HttpServer(
      EventLoopGroup boss, EventLoopGroup workers, Channel channel, InFlight inFlight) {
    this.boss = boss;
    this.workers = workers;
    this.channel = channel;
    this.inFlight = inFlight;
  }

  /** Binds {@code host:port} and starts serving. */
  public static HttpServer start(
      String host,
      int port,
      int ioThreads,
      TransportSettings settings,
      Supplier<Pipeline> pipeline,
      McpEndpoint endpoint)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(
            ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors(), io);
    InFlight inFlight = new InFlight();
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(new McpChannelInitializer(settings, pipeline, endpoint, inFlight))
              .bind(host, port)
              .sync()
              .channel();
      return new HttpServer(boss, workers, channel, inFlight);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The event loops, for timers such as session sweeps and stream keep-alives. */
  public EventLoopGroup workers() {
    return workers;
  }

  /** Stops accepting connections; open ones keep being served. */
  public void stopAccepting() {
    channel.close().syncUninterruptibly();
  }

  /**
   * Waits until every answer handed to the connections is written, at most {@code timeout}; true
   * when none is pending.
   */
  public boolean awaitAnswersWritten(Duration timeout) {
    return inFlight.awaitIdle(timeout);
  }

  /** Closes every connection and stops the event loops, waiting at most {@code grace}. */
  public void shutdown(Duration grace) {
    long quiet = Math.min(100, grace.toMillis());
    boss.shutdownGracefully(0, quiet, TimeUnit.MILLISECONDS);
    workers.shutdownGracefully(quiet, grace.toMillis(), TimeUnit.MILLISECONDS);
    boss.terminationFuture().awaitUninterruptibly(grace.toMillis());
    workers.terminationFuture().awaitUninterruptibly(grace.toMillis());
  }

  @Override
  public void close() {
    stopAccepting();
    shutdown(Duration.ofSeconds(5));
  }
}
