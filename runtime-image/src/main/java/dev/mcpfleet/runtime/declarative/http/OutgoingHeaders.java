package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.runtime.spi.CallContext;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Adds headers to every upstream request an HTTP tool makes, e.g. W3C {@code traceparent} from the
 * call's trace. Hooks run on the call's thread, after the tool's own headers are set; the headers
 * validate what is added (a line break or control character fails the call).
 */
@FunctionalInterface
public interface OutgoingHeaders {

  void addTo(HttpHeaders headers, CallContext context);
}
