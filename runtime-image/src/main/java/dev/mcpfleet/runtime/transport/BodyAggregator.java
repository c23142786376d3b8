package dev.mcpfleet.runtime.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * Collects a request body up to the limit. A chunked body that grows past it (its size was not
 * announced, so the gate could not refuse it) gets the same 413 answer, and the connection closes.
 */
final class BodyAggregator extends HttpObjectAggregator {

  private final int maxBodyBytes;

  BodyAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    ctx.channel().attr(Admission.KEY).set(null);
    HttpResponseStatus status = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
    HttpReplies.write(
        ctx.channel(),
        HttpReplies.json(
            status, RequestGate.error(ctx, status, RequestGate.tooLarge(maxBodyBytes)), Map.of()),
        false);
  }
}
