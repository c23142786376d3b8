package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers admitted MCP requests on one connection, one at a time: a request pipelined behind one
 * still being answered waits, so answers leave in order. Also reports the connection to the request
 * observers.
 */
final class McpHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);

  /** Requests a connection may have waiting behind the one being answered. */
  private static final int MAX_PIPELINED = 16;

  private record Admitted(FullHttpRequest request, Admission admission) {}

  private final McpEndpoint endpoint;
  private final Supplier<Pipeline> pipeline;
  private final InFlight inFlight;
  private final ArrayDeque<Admitted> waiting = new ArrayDeque<>();
  private HttpExchange current;

  McpHttpHandler(McpEndpoint endpoint, Supplier<Pipeline> pipeline, InFlight inFlight) {
    super(false);
    this.endpoint = endpoint;
    this.pipeline = pipeline;
    this.inFlight = inFlight;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    pipeline.get().observers().forEach(o -> o.connections(1));
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    pipeline.get().observers().forEach(o -> o.connections(-1));
    waiting.forEach(a -> a.request().release());
    waiting.clear();
    if (current != null) {
      current.connectionClosed();
    }
    super.channelInactive(ctx);
  }

  /**
   * A connection failing (a client resetting it, a malformed HTTP message) ends that connection
   * only: it is closed without a stack trace in the log, and its exchange is aborted.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      LOG.debug("closing connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    Admission admission = ctx.channel().attr(Admission.KEY).getAndSet(null);
    if (admission == null) {
      request.release();
      return;
    }
    if (current != null && !current.finished()) {
      waiting.add(new Admitted(request, admission));
      if (waiting.size() >= MAX_PIPELINED) {
        // A client pipelining far ahead waits for answers before more of its bytes are read.
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    answer(ctx, new Admitted(request, admission));
  }

  private void answer(ChannelHandlerContext ctx, Admitted admitted) {
    FullHttpRequest request = admitted.request();
    Admission admission = admitted.admission();
    HttpExchange exchange =
        new HttpExchange(
            ctx.channel(),
            request.headers(),
            HttpUtil.isKeepAlive(request),
            admission.acceptsJson(),
            admission.acceptsSse(),
            admission.caller(),
            admission.startNanos(),
            admission.pipeline(),
            () -> {
              inFlight.end();
              next(ctx);
            });
    inFlight.begin();
    current = exchange;
    try {
      HttpMethod method = request.method();
      if (method.equals(HttpMethod.POST)) {
        endpoint.post(request.content(), exchange);
      } else if (method.equals(HttpMethod.GET)) {
        endpoint.get(exchange);
      } else {
        endpoint.delete(exchange);
      }
    } catch (RuntimeException e) {
      // A fault of the server's own: this request gets an answer, the connection lives on.
      LOG.error("request failed inside the server", e);
      if (!exchange.finished()) {
        exchange.finish(
            HttpResponseStatus.INTERNAL_SERVER_ERROR,
            RequestGate.error(
                ctx,
                HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "The server failed on this request; see its log"));
      }
    } finally {
      request.release();
    }
  }

  private void next(ChannelHandlerContext ctx) {
    Admitted admitted = waiting.poll();
    if (admitted != null) {
      answer(ctx, admitted);
    } else if (!ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
  }
}
