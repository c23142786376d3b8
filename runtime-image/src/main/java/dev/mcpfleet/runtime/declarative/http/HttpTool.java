package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.validation.EgressHosts;
import dev.mcpfleet.runtime.http.client.HttpCallException;
import dev.mcpfleet.runtime.http.client.UpstreamRequest;
import dev.mcpfleet.runtime.http.client.UpstreamResponse;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import dev.mcpfleet.runtime.template.Values;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A tool answered by an HTTP API: the request is built from the call's arguments, sent with the
 * runtime's {@link dev.mcpfleet.runtime.http.client.UpstreamHttpClient} (the call's virtual thread
 * waits, the event loops do the I/O), and the answer mapped to a result. Everything that goes wrong
 * upstream (4xx, 5xx, timeouts, refused connections, hosts outside the egress allow-list) is a tool
 * error that says what happened, never a protocol error.
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
    UpstreamRequest http;
    try {
      http = request.build(values, timeout);
      settings.hooks().forEach(h -> h.addTo(http.headers(), context));
    } catch (IllegalArgumentException e) {
      return ToolResult.error("Cannot build the upstream request: " + e.getMessage());
    }
    URI uri = http.uri();
    if (!EgressHosts.permits(allowedHosts, uri.getHost())) {
      return ToolResult.error(Upstream.refusedHost(uri));
    }
    UpstreamResponse answer;
    try {
      answer = settings.client().send(http);
    } catch (IllegalArgumentException e) {
      return ToolResult.error("Cannot build the upstream request: " + e.getMessage());
    } catch (HttpCallException e) {
      String message = Upstream.failure(request.method(), uri, e);
      return switch (e.reason()) {
        case TOO_LARGE -> ToolResult.error(message);
        case TIMEOUT, CONNECT_TIMEOUT, BUSY ->
            upstreamFailure(ClassifiedError.UPSTREAM_TIMEOUT, message);
        default -> upstreamFailure(ClassifiedError.UPSTREAM_UNAVAILABLE, message);
      };
    }
    int status = answer.status();
    if (status >= 300 && status < 400) {
      return ToolResult.error(
          Upstream.redirect(request.method(), uri, status, answer.header("Location")));
    }
    if (status >= 500) {
      return upstreamFailure(
          ClassifiedError.UPSTREAM_ERROR,
          Upstream.status(request.method(), uri, status, answer.text()));
    }
    if (status >= 400) {
      return ToolResult.error(Upstream.status(request.method(), uri, status, answer.text()));
    }
    return response.map(answer.text(), answer.isJson(), values);
  }

  /**
   * An error result that also says, in its _meta, that the upstream failed (not the caller), so the
   * resilience layers count it: breakers open, idempotent calls retry, caches stand in.
   */
  private static ToolResult upstreamFailure(String code, String message) {
    return new ClassifiedError(ClassifiedError.Category.EXTERNAL_ERROR, code, message, null, null)
        .attachTo(ToolResult.error(message));
  }
}
