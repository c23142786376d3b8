package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.validation.EgressHosts;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import dev.mcpfleet.runtime.template.Values;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A tool answered by an HTTP API: the request is built from the call's arguments, sent with the JDK
 * client blocking on the call's virtual thread, and the answer mapped to a result. Everything that
 * goes wrong upstream (4xx, 5xx, timeouts, refused connections, hosts outside the egress
 * allow-list) is a tool error that says what happened, never a protocol error.
 */
public final class HttpTool implements McpTool {

  private final ToolDescriptor descriptor;
  private final RequestTemplate request;
  private final ResponseMapping response;
  private final Duration timeout;
  private final List<String> allowedHosts;
  private final HttpToolSettings settings;
  private final Values defaults;

  HttpTool(
      ToolDescriptor descriptor,
      ToolSpec spec,
      RequestTemplate request,
      Duration timeout,
      List<String> allowedHosts,
      HttpToolSettings settings,
      Values defaults) {
    this.descriptor = descriptor;
    this.request = request;
    this.response = new ResponseMapping(spec.http().response(), spec.outputSchema());
    this.timeout = timeout;
    this.allowedHosts = allowedHosts == null ? null : List.copyOf(allowedHosts);
    this.settings = settings;
    this.defaults = defaults;
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ToolResult call(ToolCall call, CallContext context) throws InterruptedException {
    Values values = Values.of(call.arguments()).orElse(defaults);
    HttpRequest.Builder builder;
    try {
      builder = request.build(values, timeout);
    } catch (IllegalArgumentException e) {
      return ToolResult.error("Cannot build the upstream request: " + e.getMessage());
    }
    settings.hooks().forEach(h -> h.addTo(builder, context));
    HttpRequest http = builder.build();
    URI uri = http.uri();
    if (!EgressHosts.permits(allowedHosts, uri.getHost())) {
      return ToolResult.error(Upstream.refusedHost(uri));
    }
    HttpResponse<InputStream> answer;
    String body;
    try {
      answer = settings.client().get().send(http, HttpResponse.BodyHandlers.ofInputStream());
      body = read(answer);
    } catch (IOException e) {
      return upstreamFailure(
          ClassifiedError.UPSTREAM_UNAVAILABLE,
          Upstream.failure(request.method(), uri, e, timeout));
    }
    int status = answer.statusCode();
    if (status >= 300 && status < 400) {
      return ToolResult.error(
          Upstream.redirect(
              request.method(), uri, status, answer.headers().firstValue("Location").orElse(null)));
    }
    if (status >= 500) {
      return upstreamFailure(
          ClassifiedError.UPSTREAM_ERROR, Upstream.status(request.method(), uri, status, body));
    }
    if (status >= 400) {
      return ToolResult.error(Upstream.status(request.method(), uri, status, body));
    }
    return response.map(body, isJson(answer), values);
  }

  /**
   * An error result that also says, in its _meta, that the upstream failed (not the caller), so the
   * resilience layers count it: breakers open, idempotent calls retry, caches stand in.
   */
  private static ToolResult upstreamFailure(String code, String message) {
    return new ClassifiedError(ClassifiedError.Category.EXTERNAL_ERROR, code, message, null, null)
        .attachTo(ToolResult.error(message));
  }

  private String read(HttpResponse<InputStream> answer) throws IOException {
    try (InputStream in = answer.body()) {
      byte[] bytes =
          in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxResponseBytes() + 1));
      if (bytes.length > settings.maxResponseBytes()) {
        throw new IOException(
            "the answer is larger than " + settings.maxResponseBytes() + " bytes");
      }
      return new String(bytes, charset(answer));
    }
  }

  private static boolean isJson(HttpResponse<?> answer) {
    return answer
        .headers()
        .firstValue("Content-Type")
        .map(t -> t.toLowerCase(Locale.ROOT).contains("json"))
        .orElse(false);
  }

  private static Charset charset(HttpResponse<?> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at >= 0) {
      try {
        return Charset.forName(type.substring(at + 8).replace("\"", "").split(";")[0].strip());
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }
}
