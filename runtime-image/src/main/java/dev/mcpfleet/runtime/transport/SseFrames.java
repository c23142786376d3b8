package dev.mcpfleet.runtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The pieces of an SSE response: its head, one event per JSON-RPC message, keep-alives. */
final class SseFrames {

  private static final ByteBuf EVENT_PREFIX = constant("event: message\ndata: ");
  private static final ByteBuf EVENT_SUFFIX = constant("\n\n");
  private static final ByteBuf KEEP_ALIVE = constant(":\n\n");

  private SseFrames() {}

  /** The response head: chunked text/event-stream, not to be buffered by proxies. */
  static HttpResponse head(boolean keepAlive, Map<String, String> headers) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set("X-Accel-Buffering", "no");
    headers.forEach(head.headers()::set);
    HttpUtil.setTransferEncodingChunked(head, true);
    HttpUtil.setKeepAlive(head, keepAlive);
    return head;
  }

  /** One event carrying {@code message} (a JSON document without raw newlines), taking it over. */
  static HttpContent event(ByteBuf message) {
    return new DefaultHttpContent(
        Unpooled.wrappedBuffer(EVENT_PREFIX.duplicate(), message, EVENT_SUFFIX.duplicate()));
  }

  /** A comment line that keeps an idle stream open through proxies. */
  static HttpContent keepAlive() {
    return new DefaultHttpContent(KEEP_ALIVE.duplicate());
  }

  private static ByteBuf constant(String text) {
    return Unpooled.unreleasableBuffer(
        Unpooled.copiedBuffer(text, StandardCharsets.UTF_8).asReadOnly());
  }
}
