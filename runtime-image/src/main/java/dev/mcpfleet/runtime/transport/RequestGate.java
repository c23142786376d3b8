package dev.mcpfleet.runtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.RequestObserver;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.protocol.JsonRpc;
import dev.mcpfleet.runtime.protocol.McpError;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.buffer.ByteBuf;
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
 * request to the MCP endpoint passes the Host/Origin check, the method rule, the pipeline's guards,
 * then the media-type rules and the body limit, in that order. A refused request is answered here
 * (its body discarded), never reaches JSON parsing, and is reported to the request observers.
 */
final class RequestGate extends ChannelInboundHandlerAdapter {

  /** What the gate decides on a request to the MCP endpoint. */
  private sealed interface Judgement {}

  /** The request goes on, made by {@code caller}, with what its Accept header admits. */
  private record Admit(Caller caller, boolean acceptsJson, boolean acceptsSse)
      implements Judgement {}

  /** The request is refused with this HTTP answer. */
  private record Refusal(
      HttpResponseStatus status, JsonNode body, String message, Map<String, String> headers)
      implements Judgement {

    static Refusal of(HttpResponseStatus status, String message) {
      return new Refusal(status, null, message, Map.of());
    }
  }

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
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    HttpEndpoint endpoint = settings.endpoint(path);
    if (endpoint != null) {
      var endpointRequest =
          new HttpEndpoint.Request(
              request.method().name(),
              path,
              query < 0 ? "" : uri.substring(query + 1),
              request.headers(),
              remote);
      settings
          .endpointExecutor()
          .execute(() -> EndpointCall.run(ctx.channel(), endpoint, endpointRequest, keepAlive));
      return false;
    }
    Pipeline layers = pipeline.get();
    Judgement judgement = judge(ctx, request, path, remote, layers);
    if (judgement instanceof Admit admit) {
      ctx.channel()
          .attr(Admission.KEY)
          .set(
              new Admission(
                  admit.caller(), layers, admit.acceptsJson(), admit.acceptsSse(), start));
      return true;
    }
    Refusal refusal = (Refusal) judgement;
    // After an oversized or unreadable message the connection's byte stream cannot be trusted.
    boolean closing =
        refusal.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)
            || request.decoderResult().isFailure();
    ByteBuf body =
        refusal.body() != null
            ? Json.write(ctx.alloc(), g -> g.writeTree(refusal.body()))
            : error(ctx, refusal.status(), refusal.message());
    HttpReplies.write(
        ctx.channel(),
        HttpReplies.json(refusal.status(), body, refusal.headers()),
        keepAlive && !closing);
    long nanos = System.nanoTime() - start;
    for (RequestObserver observer : layers.observers()) {
      observer.answered(request.method().name(), "error", nanos);
    }
    return false;
  }

  /** Admits the request as the caller the guards establish, or says why it is refused. */
  private Judgement judge(
      ChannelHandlerContext ctx,
      HttpRequest request,
      String path,
      InetSocketAddress remote,
      Pipeline layers) {
    HttpHeaders headers = request.headers();
    if (request.decoderResult().isFailure()) {
      return Refusal.of(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request");
    }
    if (!path.equals(settings.mcpPath())) {
      return Refusal.of(
          HttpResponseStatus.NOT_FOUND,
          "Nothing is served at " + path + "; the MCP endpoint is " + settings.mcpPath());
    }
    String origin =
        settings
            .origins()
            .refusal(headers.get(HttpHeaderNames.HOST), headers.get(HttpHeaderNames.ORIGIN));
    if (origin != null) {
      return Refusal.of(HttpResponseStatus.FORBIDDEN, origin);
    }
    HttpMethod method = request.method();
    boolean post = method.equals(HttpMethod.POST);
    if (!post && !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.DELETE)) {
      return new Refusal(
          HttpResponseStatus.METHOD_NOT_ALLOWED,
          null,
          method + " is not served at " + path + "; send JSON-RPC messages with POST",
          Map.of("Allow", "POST, GET, DELETE"));
    }
    var head = new HttpGuard.RequestHead(method.name(), path, headers, remote, ctx.channel());
    Caller caller = Caller.ANONYMOUS;
    for (HttpGuard guard : layers.guards()) {
      switch (guard.check(head, caller)) {
        case HttpGuard.Pass pass -> caller = pass.caller();
        case HttpGuard.Reject reject -> {
          return new Refusal(reject.status(), reject.body(), "refused", reject.headers());
        }
      }
    }
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    boolean acceptsSse = MediaTypes.accepts(accept, MediaTypes.EVENT_STREAM);
    boolean acceptsJson = MediaTypes.accepts(accept, MediaTypes.JSON);
    if (post) {
      if (!MediaTypes.isJson(headers.get(HttpHeaderNames.CONTENT_TYPE))) {
        return Refusal.of(
            HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send the JSON-RPC message with Content-Type: application/json");
      }
      if (!acceptsSse && !acceptsJson) {
        return Refusal.of(
            HttpResponseStatus.NOT_ACCEPTABLE,
            "The Accept header must admit application/json and text/event-stream");
      }
      if (HttpUtil.getContentLength(request, -1L) > settings.maxBodyBytes()) {
        return Refusal.of(
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge(settings.maxBodyBytes()));
      }
    } else if (method.equals(HttpMethod.GET) && !acceptsSse) {
      return Refusal.of(
          HttpResponseStatus.NOT_ACCEPTABLE,
          "A GET on the MCP endpoint opens an SSE stream; send Accept: text/event-stream");
    }
    return new Admit(caller, acceptsJson, acceptsSse);
  }

  static String tooLarge(int maxBodyBytes) {
    return "The request body exceeds " + maxBodyBytes + " bytes, the most this server accepts";
  }

  /** A JSON-RPC error without id, for a refusal before any message was read. */
  static ByteBuf error(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    return JsonRpc.error(
        ctx.alloc(), null, new McpError(McpError.INVALID_REQUEST, message, null, status.code()));
  }
}
