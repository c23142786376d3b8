package dev.mcpfleet.runtime.resilience;

import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ClassifiedError.Category;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed call into the tool result the guide asks for, so the model learns what happened
 * and whether to retry: {@code UPSTREAM_UNAVAILABLE} with retry-after while a breaker is open,
 * {@code UPSTREAM_TIMEOUT}, {@code UPSTREAM_ERROR} when a tool's upstream failed, {@code
 * INTERNAL_ERROR} otherwise. Stack traces go to the log (redacted), never to the client.
 * Control-flow exceptions (input required, cancellation) pass through.
 */
public final class FailureResultLayer implements ToolLayer {

  private static final Logger LOG = LoggerFactory.getLogger(FailureResultLayer.class);

  private final Upstreams upstreams;
  private final UnaryOperator<String> redact;

  public FailureResultLayer(Upstreams upstreams, UnaryOperator<String> redact) {
    this.upstreams = upstreams;
    this.redact = redact;
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    try {
      return next.proceed(invocation);
    } catch (Exception e) {
      if (ToolLayer.isControlFlow(e)) {
        throw e;
      }
      return classify(invocation, e).toToolResult();
    }
  }

  private ClassifiedError classify(ToolInvocation invocation, Exception e) {
    String tool = invocation.call().name();
    return switch (e) {
      case UpstreamUnavailableException u ->
          new ClassifiedError(
              Category.EXTERNAL_ERROR,
              ClassifiedError.UPSTREAM_UNAVAILABLE,
              u.getMessage(),
              Math.max(1, u.retryAfter().toSeconds()),
              null);
      case UpstreamTimeoutException t ->
          new ClassifiedError(
              Category.EXTERNAL_ERROR,
              ClassifiedError.UPSTREAM_TIMEOUT,
              t.getMessage() + "; try again, or with arguments that need less work",
              null,
              null);
      default -> {
        Optional<String> upstream = upstreams.of(invocation.tool());
        String reason = redact.apply(String.valueOf(e.getMessage()));
        LOG.warn("tool {} failed: {}", tool, redact.apply(e.toString()));
        LOG.debug("tool {} failure", tool, e);
        yield upstream.isPresent() && !upstream.get().startsWith("tool:")
            ? new ClassifiedError(
                Category.EXTERNAL_ERROR,
                ClassifiedError.UPSTREAM_ERROR,
                "the call to " + upstream.get() + " failed: " + reason,
                null,
                null)
            : new ClassifiedError(
                Category.SERVER_ERROR,
                ClassifiedError.INTERNAL_ERROR,
                "the tool '" + tool + "' failed: " + reason,
                null,
                null);
      }
    };
  }
}
