package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.observability.Readiness;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ClassifiedError.Category;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * The first guard: once shutdown has begun, new requests are refused cleanly with 503, {@code
 * Retry-After: 1} and {@code Connection: close}, so clients retry on another replica while the
 * calls already running here finish.
 */
public final class DrainGuard implements HttpGuard {

  private final Readiness readiness;

  public DrainGuard(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public Decision check(RequestHead head, Caller caller) {
    if (!readiness.draining()) {
      return new Pass(caller);
    }
    return new Reject(
        HttpResponseStatus.SERVICE_UNAVAILABLE,
        Map.of("Retry-After", "1", "Connection", "close"),
        new ClassifiedError(
                Category.SERVER_ERROR,
                ClassifiedError.SHUTTING_DOWN,
                "this server is shutting down; retry, and another replica will answer",
                1L,
                null)
            .toJsonRpcError(-32600));
  }
}
