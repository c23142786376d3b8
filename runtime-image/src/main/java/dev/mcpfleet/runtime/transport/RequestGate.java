package dev.mcpfleet.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.protocol.JsonRpc;
import dev.mcpfleet.runtime.protocol.McpError;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Judges each request by its head, before any body is read: extra endpoints are routed, and a
 * request to the MCP endpoint passes the Host/Origin check, the method and media-type rules, the
 * body limit and the pipeline's guards, in that order. A refused request is answered here (its body
 * discarded) and never reaches JSON parsing.
 */
final class RequestGate extends ChannelInboundHandlerAdapter {

  private final TransportSettings settings;
  private final Supplier<Pipeline> pipeline;
  private boolean discarding;

  RequestGate(TransportSettings settings, Supplier<Pipeline> pipeline) {
    this.settings = settings;
    this.pipeline = pipeline;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      discarding = false;
      if (admit(ctx, request)) {
        ctx.fireChannelRead(msg);
        return;
      }
      discarding = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
      return;
    }
    if (discarding && msg instanceof HttpContent content) {
      discarding = !(content instanceof LastHttpContent);
      content.release();
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** Admits the request (true), or answers it here (false). */
  private boolean admit(ChannelHandlerContext ctx, HttpRequest request) {
    long start = System.nanoTime();
    String uri = request.uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    HttpHeaders headers = request.headers();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();

    HttpEndpoint endpoint = settings.endpoint(path);
    if (endpoint != null) {
      String queryString = query < 0 ? "" : uri.substring(query + 1);
      var endpointRequest =
          new HttpEndpoint.Request(request.method().name(), path, queryString, headers, remote);
      settings
          .endpointExecutor()
          .execute(() -> EndpointCall.run(ctx.channel(), endpoint, endpointRequest, keepAlive));
      return false;
    }
    if (!path.equals(settings.mcpPath())) {
      refuse(
          ctx,
          keepAlive,
          HttpResponseStatus.NOT_FOUND,
          McpError.INVALID_REQUEST,
          "Nothing is served at " + path + "; the MCP endpoint is " + settings.mcpPath(),
          Map.of());
      return false;
    }
    String refusal =
        settings
            .origins()
            .refusal(headers.get(HttpHeaderNames.HOST), headers.get(HttpHeaderNames.ORIGIN));
    if (refusal != null) {
      refuse(
          ctx,
          keepAlive,
          HttpResponseStatus.FORBIDDEN,
          McpError.INVALID_REQUEST,
          refusal,
          Map.of());
      return false;
    }
    HttpMethod method = request.method();
    if (!method.equals(HttpMethod.POST)
        && !method.equals(HttpMethod.GET)
        && !method.equals(HttpMethod.DELETE)) {
      refuse(
          ctx,
          keepAlive,
          HttpResponseStatus.METHOD_NOT_ALLOWED,
          McpError.INVALID_REQUEST,
          method + " is not served at " + path + "; send JSON-RPC messages with POST",
          Map.of("Allow", "POST, GET, DELETE"));
      return false;
    }
    Pipeline layers = pipeline.get();
    Caller caller = Caller.ANONYMOUS;
    var head = new HttpGuard.RequestHead(method.name(), path, headers, remote);
    for (HttpGuard guard : layers.guards()) {
      switch (guard.check(head, caller)) {
        case HttpGuard.Pass pass -> caller = pass.caller();
        case HttpGuard.Reject reject -> {
          respond(ctx, keepAlive, reject.status(), reject.body(), reject.headers());
          return false;
        }
      }
    }
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    boolean acceptsJson = MediaTypes.accepts(accept, MediaTypes.JSON);
    boolean acceptsSse = MediaTypes.accepts(accept, MediaTypes.EVENT_STREAM);
    if (method.equals(HttpMethod.POST)) {
      if (!MediaTypes.isJson(headers.get(HttpHeaderNames.CONTENT_TYPE))) {
        refuse(
            ctx,
            keepAlive,
            HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
            McpError.INVALID_REQUEST,
            "Send the JSON-RPC message with Content-Type: application/json",
            Map.of());
        return false;
      }
      if (!acceptsJson && !acceptsSse) {
        refuse(
            ctx,
            keepAlive,
            HttpResponseStatus.NOT_ACCEPTABLE,
            McpError.INVALID_REQUEST,
            "The Accept header must admit application/json and text/event-stream",
            Map.of());
        return false;
      }
      if (HttpUtil.getContentLength(request, -1L) > settings.maxBodyBytes()) {
        refuse(
            ctx,
            false,
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            McpError.INVALID_REQUEST,
            tooLarge(settings.maxBodyBytes()),
            Map.of());
        return false;
      }
    } else if (method.equals(HttpMethod.GET) && !acceptsSse) {
      refuse(
          ctx,
          keepAlive,
          HttpResponseStatus.NOT_ACCEPTABLE,
          McpError.INVALID_REQUEST,
          "A GET on the MCP endpoint opens an SSE stream; send Accept: text/event-stream",
          Map.of());
      return false;
    }
    ctx.channel()
        .attr(Admission.KEY)
        .set(new Admission(caller, layers, acceptsJson, acceptsSse, start));
    return true;
  }

  static String tooLarge(int maxBodyBytes) {
    return "The request body exceeds " + maxBodyBytes + " bytes, the most this server accepts";
  }

  /** Answers with a JSON-RPC error without id. */
  static void refuse(
      ChannelHandlerContext ctx,
      boolean keepAlive,
      HttpResponseStatus status,
      int code,
      String message,
      Map<String, String> headers) {
    var body = JsonRpc.error(ctx.alloc(), null, new McpError(code, message, null, status.code()));
    HttpReplies.write(ctx.channel(), HttpReplies.json(status, body, headers), keepAlive);
  }

  private static void respond(
      ChannelHandlerContext ctx,
      boolean keepAlive,
      HttpResponseStatus status,
      JsonNode body,
      Map<String, String> headers) {
    var bytes =
        body == null ? Unpooled.EMPTY_BUFFER : Json.write(ctx.alloc(), g -> g.writeTree(body));
    HttpReplies.write(ctx.channel(), HttpReplies.json(status, bytes, headers), keepAlive);
  }
}
