package dev.mcpfleet.runtime.http.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Where upstream connections live: the event loops of the server this client serves when it has
 * been told of them ({@link #attach}), so that an upstream call adds no threads of its own; until
 * then, or after that server stopped, one small process-wide group started on first use.
 */
final class EventLoops {

  private volatile EventLoopGroup attached;

  /** Uses {@code group} (the server's worker loops) from now on. */
  void attach(EventLoopGroup group) {
    this.attached = group;
  }

  /** The loops to put a new connection on. */
  EventLoopGroup group() {
    EventLoopGroup group = attached;
    return group != null && !group.isShuttingDown() ? group : Fallback.GROUP;
  }

  /** The channel type that fits {@code group}'s transport. */
  static Class<? extends SocketChannel> channelType(EventLoopGroup group) {
    return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)
        ? EpollSocketChannel.class
        : NioSocketChannel.class;
  }

  /** Loops for clients that serve no server (tests, tools) or outlive theirs; daemon threads. */
  private static final class Fallback {
    static final EventLoopGroup GROUP = create();

    private static EventLoopGroup create() {
      IoHandlerFactory io =
          Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
      return new MultiThreadIoEventLoopGroup(
          1, new DefaultThreadFactory("mcp-upstream-io", true), io);
    }
  }
}
