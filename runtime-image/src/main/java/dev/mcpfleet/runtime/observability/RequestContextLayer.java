package dev.mcpfleet.runtime.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The outermost tool layer: every log line written while the call runs carries its request id,
 * trace id, caller and tool (logging MDC), and tools get a child trace context to pass on to their
 * upstreams ({@link CallContext#traceparent()}).
 */
public final class RequestContextLayer implements ToolLayer {

  /** MDC keys, also for the protocol layer's own request logs. */
  public static final String REQUEST_ID = "requestId";

  public static final String TRACE_ID = "traceId";
  public static final String SPAN_ID = "spanId";
  public static final String CALLER = "caller";
  public static final String TOOL = "tool";

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    CallContext context = invocation.context();
    TraceContext trace = TraceContext.accept(context.traceparent()).child();
    Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.put(REQUEST_ID, context.requestId());
    MDC.put(TRACE_ID, trace.traceId());
    MDC.put(SPAN_ID, trace.spanId());
    MDC.put(CALLER, context.caller().id());
    MDC.put(TOOL, invocation.call().name());
    try {
      return next.proceed(
          new ToolInvocation(
              invocation.tool(), invocation.call(), new Traced(context, trace.header())));
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  /** The call's context with the child trace context for upstream calls. */
  private record Traced(CallContext delegate, String traceparent) implements CallContext {

    @Override
    public Caller caller() {
      return delegate.caller();
    }

    @Override
    public String requestId() {
      return delegate.requestId();
    }

    @Override
    public void progress(double progress, Double total, String message) {
      delegate.progress(progress, total, message);
    }

    @Override
    public void log(String level, String logger, JsonNode data) {
      delegate.log(level, logger, data);
    }

    @Override
    public boolean cancelled() {
      return delegate.cancelled();
    }

    @Override
    public JsonNode elicit(String key, String message, ObjectNode requestedSchema)
        throws Exception {
      return delegate.elicit(key, message, requestedSchema);
    }

    @Override
    public JsonNode sample(String key, ObjectNode params) throws Exception {
      return delegate.sample(key, params);
    }

    @Override
    public JsonNode listRoots(String key) throws Exception {
      return delegate.listRoots(key);
    }
  }
}
