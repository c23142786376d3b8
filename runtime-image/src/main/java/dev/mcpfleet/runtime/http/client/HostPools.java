package dev.mcpfleet.runtime.http.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * One Netty {@link FixedChannelPool} per origin: at most {@code maxConnectionsPerHost} keep-alive
 * connections, the most recently used handed out first (the least likely to have been closed by the
 * upstream), checked to be open before they are, and at most {@code maxWaitingPerHost} calls in
 * line for one. Each connection runs TLS (for https), Netty's HTTP/1.1 client codec and aggregator
 * (which caps the answer's size), an idle timer and the {@link ExchangeHandler}.
 */
final class HostPools extends AbstractChannelPoolMap<Origin, FixedChannelPool> {

  private final ClientSettings settings;
  private final EventLoops loops;
  private final ClientTls tls;
  private final HttpDecoderConfig decoder;
  private final Map<Origin, AtomicInteger> open = new ConcurrentHashMap<>();

  HostPools(ClientSettings settings, EventLoops loops) {
    this.settings = settings;
    this.loops = loops;
    this.tls = new ClientTls(settings.trust());
    this.decoder = new HttpDecoderConfig().setMaxHeaderSize(settings.maxHeaderBytes());
  }

  /** Connections to {@code origin} open now, in use or idle. */
  int open(Origin origin) {
    AtomicInteger count = open.get(origin);
    return count == null ? 0 : count.get();
  }

  @Override
  protected FixedChannelPool newPool(Origin origin) {
    EventLoopGroup group = loops.group();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(EventLoops.channelType(group))
            .resolver(OffLoopResolver.INSTANCE)
            .remoteAddress(address(origin))
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true);
    return new FixedChannelPool(
        bootstrap,
        new Connections(origin, open.computeIfAbsent(origin, o -> new AtomicInteger())),
        ChannelHealthChecker.ACTIVE,
        null,
        -1, // each call waits within its own deadline instead
        settings.maxConnectionsPerHost(),
        settings.maxWaitingPerHost());
  }

  /** An IP literal as it is; a host name left for {@link OffLoopResolver} at each connect. */
  private static InetSocketAddress address(Origin origin) {
    byte[] literal = NetUtil.createByteArrayFromIpAddressString(origin.host());
    if (literal == null) {
      return InetSocketAddress.createUnresolved(origin.host(), origin.port());
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(literal), origin.port());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an IP literal of a wrong length: " + origin.host(), e);
    }
  }

  /** Sets up each new connection to one origin and counts those open. */
  private final class Connections extends AbstractChannelPoolHandler {
    private final Origin origin;
    private final AtomicInteger count;

    Connections(Origin origin, AtomicInteger count) {
      this.origin = origin;
      this.count = count;
    }

    @Override
    public void channelCreated(Channel channel) throws SSLException {
      count.incrementAndGet();
      channel.closeFuture().addListener(f -> count.decrementAndGet());
      if (origin.secure()) {
        channel
            .pipeline()
            .addLast("tls", tls.handler(channel.alloc(), origin, settings.connectTimeout()));
      }
      ExchangeHandler exchanges = new ExchangeHandler(settings.maxResponseBytes());
      channel
          .pipeline()
          .addLast("http", new HttpClientCodec(decoder, false, false))
          .addLast("answer-watch", exchanges.answerWatch())
          .addLast("aggregate", new HttpObjectAggregator(settings.maxResponseBytes()))
          .addLast(
              "idle",
              new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
          .addLast("exchange", exchanges);
    }
  }
}
