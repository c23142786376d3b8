package dev.mcpfleet.runtime.http.client;

import dev.mcpfleet.runtime.http.client.HttpCallException.Reason;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import javax.net.ssl.SSLException;

/**
 * The last handler of an upstream connection, after Netty's HTTP codec and aggregator: sends each
 * {@link Exchange}'s request and completes it with the aggregated answer. Anything else (an
 * oversized or malformed answer, a connection closed mid-answer, an error) fails the exchange and
 * closes the connection, since what is left on it can no longer be told apart from the next answer.
 * An idle connection is closed when the idle timeout passes (the pool drops it on its next turn).
 */
final class ExchangeHandler extends ChannelDuplexHandler {

  private final int maxResponseBytes;
  private Exchange current;
  private boolean answerBegun;
  private volatile boolean reused;

  ExchangeHandler(int maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * A handler to put between the codec and the aggregator: it notes that an answer has begun, which
   * the aggregator would hide until it is complete. A request lost before that point on a reused
   * connection was never processed.
   */
  ChannelHandler answerWatch() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse) {
          answerBegun = true;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /** True once the connection has carried a complete answer. */
  boolean reused() {
    return reused;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof Exchange exchange) {
      current = exchange;
      answerBegun = false;
      ctx.write(exchange.request(), promise);
    } else {
      ctx.write(msg, promise);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      Exchange exchange = current;
      if (exchange == null || !(msg instanceof FullHttpResponse response)) {
        ctx.close(); // bytes nobody asked for: the connection can no longer be trusted
        return;
      }
      if (response.decoderResult().isFailure()) {
        fail(ctx, malformed(response.decoderResult().cause()));
        return;
      }
      if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL
          && response.status().code() != 101) {
        return; // 100 Continue and the like: the real answer follows
      }
      current = null;
      reused = true;
      int status = response.status().code();
      UpstreamResponse answer =
          new UpstreamResponse(
              status, response.headers(), ByteBufUtil.getBytes(response.content()));
      exchange.complete(answer, status != 101 && HttpUtil.isKeepAlive(response));
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (current != null) {
      fail(
          ctx,
          new HttpCallException(
              Reason.CLOSED,
              answerBegun
                  ? "closed the connection before the answer was complete"
                  : "closed the connection without answering",
              null,
              unanswered()));
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (current != null) {
      fail(ctx, failure(cause, unanswered(), maxResponseBytes));
    } else {
      ctx.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && current == null) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  private boolean unanswered() {
    return !answerBegun && current.reusedConnection();
  }

  private void fail(ChannelHandlerContext ctx, HttpCallException failure) {
    Exchange failed = current;
    current = null;
    ctx.close();
    failed.fail(failure);
  }

  private static HttpCallException malformed(Throwable cause) {
    return new HttpCallException(
        Reason.MALFORMED,
        "answered with something that is not valid HTTP/1.1 ("
            + (cause == null || cause.getMessage() == null
                ? String.valueOf(cause)
                : cause.getMessage())
            + ")",
        cause);
  }

  /**
   * The failure that {@code cause} means for an exchange.
   *
   * @param unanswered whether the request can be sent again: nothing of it was processed
   */
  static HttpCallException failure(Throwable cause, boolean unanswered, int maxResponseBytes) {
    Throwable root =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof HttpCallException known) {
      return known;
    }
    if (root instanceof PrematureChannelClosureException) {
      // Raised by the aggregator when the connection closes in the middle of an answer.
      return new HttpCallException(
          Reason.CLOSED, "closed the connection before the answer was complete", root);
    }
    if (root instanceof TooLongFrameException) {
      // Thrown by the aggregator (it has closed the connection and freed what it held).
      return new HttpCallException(
          Reason.TOO_LARGE,
          "answered more than " + maxResponseBytes + " bytes, the most read of an answer",
          root);
    }
    if (root instanceof SSLException) {
      return new HttpCallException(
          Reason.TLS,
          "failed the TLS handshake (is its certificate trusted and issued for this host?): "
              + root.getMessage(),
          root);
    }
    String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new HttpCallException(Reason.IO, "failed: " + what, root, unanswered);
  }
}
