package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.protocol.McpError;
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
    RequestGate.refuse(
        ctx,
        false,
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        McpError.INVALID_REQUEST,
        RequestGate.tooLarge(maxBodyBytes),
        Map.of());
  }
}
