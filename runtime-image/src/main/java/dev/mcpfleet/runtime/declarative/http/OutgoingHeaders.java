package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.runtime.spi.CallContext;
import java.net.http.HttpRequest;

/**
 * Adds headers to every upstream request an HTTP tool makes, e.g. W3C {@code traceparent} from the
 * call's trace. Hooks run on the call's thread, after the tool's own headers are set.
 */
@FunctionalInterface
public interface OutgoingHeaders {

  void addTo(HttpRequest.Builder request, CallContext context);
}
