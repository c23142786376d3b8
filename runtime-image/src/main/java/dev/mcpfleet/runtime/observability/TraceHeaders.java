package dev.mcpfleet.runtime.observability;

import dev.mcpfleet.runtime.declarative.http.OutgoingHeaders;
import dev.mcpfleet.runtime.spi.CallContext;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Propagates the W3C trace context to the upstream requests of HTTP tools: each gets the {@code
 * traceparent} the observability layer derived for the call.
 */
public final class TraceHeaders implements OutgoingHeaders {

  @Override
  public void addTo(HttpHeaders headers, CallContext context) {
    String traceparent = context.traceparent();
    if (traceparent != null) {
      headers.set("traceparent", traceparent);
    }
  }
}
