package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.LogLevel;
import dev.mcpfleet.runtime.protocol.RequestContext;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.List;
import java.util.Map;

/** The {@link CallContext} of one tool call, resource read or prompt expansion. */
final class ItemContext implements CallContext {

  private final RequestContext ctx;
  private final ClientInputs inputs;
  private double lastProgress = Double.NEGATIVE_INFINITY;

  ItemContext(RequestContext ctx, ClientInputs inputs) {
    this.ctx = ctx;
    this.inputs = inputs;
  }

  @Override
  public Caller caller() {
    return ctx.caller();
  }

  @Override
  public String requestId() {
    return ctx.requestId();
  }

  @Override
  public String traceparent() {
    return ctx.exchange().requestHeaders().get("traceparent");
  }

  @Override
  public synchronized void progress(double progress, Double total, String message) {
    JsonNode token = ctx.progressToken();
    if (token == null || !(progress > lastProgress)) {
      return;
    }
    lastProgress = progress;
    ctx.notify(
        "notifications/progress",
        g -> {
          g.writeFieldName("progressToken");
          g.writeTree(token);
          g.writeNumberField("progress", progress);
          if (total != null) {
            g.writeNumberField("total", total);
          }
          if (message != null) {
            g.writeStringField("message", message);
          }
        });
  }

  @Override
  public void log(String level, String logger, JsonNode data) {
    LogLevel severity = LogLevel.parse(level);
    if (severity == null) {
      throw new IllegalArgumentException("unknown log level '" + level + "'");
    }
    LogLevel threshold = ctx.logLevel();
    if (threshold == null || !threshold.admits(severity)) {
      return;
    }
    ctx.notify(
        "notifications/message",
        g -> {
          g.writeStringField("level", severity.wire());
          if (logger != null) {
            g.writeStringField("logger", logger);
          }
          g.writeFieldName("data");
          g.writeTree(data);
        });
  }

  @Override
  public boolean cancelled() {
    return ctx.cancelled();
  }

  @Override
  public JsonNode elicit(String key, String message, ObjectNode requestedSchema) throws Exception {
    return inputs.ask(List.of(InputRequest.elicit(key, message, requestedSchema))).get(key);
  }

  @Override
  public JsonNode sample(String key, ObjectNode params) throws Exception {
    return inputs.ask(List.of(InputRequest.sample(key, params))).get(key);
  }

  @Override
  public JsonNode listRoots(String key) throws Exception {
    return inputs.ask(List.of(InputRequest.roots(key))).get(key);
  }

  @Override
  public Map<String, JsonNode> ask(List<InputRequest> requests) throws Exception {
    return inputs.ask(requests);
  }
}
