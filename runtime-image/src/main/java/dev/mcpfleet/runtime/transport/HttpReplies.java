package dev.mcpfleet.runtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** Builds and writes complete HTTP responses, minding keep-alive. */
final class HttpReplies {

  private HttpReplies() {}

  /** A response with {@code body} (may be empty) of {@code contentType} (null for none). */
  static FullHttpResponse full(
      HttpResponseStatus status,
      ByteBuf body,
      CharSequence contentType,
      Map<String, String> headers) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, body == null ? Unpooled.EMPTY_BUFFER : body);
    if (contentType != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    headers.forEach(response.headers()::set);
    HttpUtil.setContentLength(response, response.content().readableBytes());
    return response;
  }

  static FullHttpResponse json(
      HttpResponseStatus status, ByteBuf body, Map<String, String> headers) {
    return full(status, body, HttpHeaderValues.APPLICATION_JSON, headers);
  }

  /** Writes {@code response}, closing the connection afterwards unless it is kept alive. */
  static ChannelFuture write(Channel channel, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture future = channel.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
    return future;
  }
}
