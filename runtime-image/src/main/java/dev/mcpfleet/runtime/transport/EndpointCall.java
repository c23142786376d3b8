package dev.mcpfleet.runtime.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one extra endpoint on a virtual thread and writes its answer. */
final class EndpointCall {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointCall.class);

  private EndpointCall() {}

  static void run(
      Channel channel, HttpEndpoint endpoint, HttpEndpoint.Request request, boolean keepAlive) {
    HttpEndpoint.Response response;
    try {
      response = endpoint.handle(request);
    } catch (Exception e) {
      LOG.warn("endpoint {} failed", request.path(), e);
      response = HttpEndpoint.Response.json(500, "{\"error\":\"internal error\"}");
    }
    var reply =
        HttpReplies.full(
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(response.body()),
            response.contentType(),
            response.headers());
    HttpReplies.write(channel, reply, keepAlive);
  }
}
