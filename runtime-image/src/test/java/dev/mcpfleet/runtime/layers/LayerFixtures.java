package dev.mcpfleet.runtime.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Tools, callers, contexts and requests for the layers' unit tests. */
public final class LayerFixtures {

  public static final ObjectMapper JSON = new ObjectMapper();

  private LayerFixtures() {}

  /** What a fake tool does when called. */
  @FunctionalInterface
  public interface Body {
    ToolResult run(ToolCall call, CallContext context) throws Exception;
  }

  /** A tool that counts its calls. */
  public static final class FakeTool implements McpTool {
    private final ToolDescriptor descriptor;
    private final boolean inline;
    private volatile Body body;
    public final AtomicInteger calls = new AtomicInteger();

    FakeTool(ToolDescriptor descriptor, boolean inline, Body body) {
      this.descriptor = descriptor;
      this.inline = inline;
      this.body = body;
    }

    /** Changes what the tool does from now on. */
    public FakeTool does(Body body) {
      this.body = body;
      return this;
    }

    @Override
    public ToolDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public ToolResult call(ToolCall call, CallContext context) throws Exception {
      calls.incrementAndGet();
      return body.run(call, context);
    }

    @Override
    public boolean inline() {
      return inline;
    }
  }

  /** A blocking tool named {@code name} with an open schema. */
  public static FakeTool tool(String name, Body body) {
    return tool(name, null, false, body);
  }

  /** A tool that each time asks the client for input first (2026-07-28 input_required). */
  public static FakeTool waitingForInput(String name) {
    return tool(
        name,
        (call, context) -> {
          throw new CallContext.InputRequiredSignal();
        });
  }

  /** A blocking tool with this input schema (JSON text, or null) and idempotency. */
  public static FakeTool tool(String name, String schema, boolean idempotent, Body body) {
    return new FakeTool(
        new ToolDescriptor(
            name,
            null,
            "test tool " + name,
            schema == null ? null : (ObjectNode) json(schema),
            null,
            null,
            List.of(),
            idempotent),
        false,
        body);
  }

  /** A tool that answers "ok". */
  public static FakeTool okTool(String name) {
    return tool(name, (call, context) -> ToolResult.text("ok"));
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static ObjectNode args(String json) {
    return (ObjectNode) json(json);
  }

  public static Caller token(String subject, Set<String> groups, Set<String> scopes) {
    return new Caller(subject, Caller.Kind.TOKEN, groups, scopes);
  }

  public static Caller apiKey(String name) {
    return new Caller(name, Caller.Kind.API_KEY, Set.of(), Set.of());
  }

  /** A call context of {@code caller} that does nothing but answer who calls. */
  public static TestContext context(Caller caller) {
    return new TestContext(caller, "req-" + UUID.randomUUID(), null);
  }

  /** A context with an incoming traceparent. */
  public record TestContext(Caller caller, String requestId, String traceparent)
      implements CallContext {

    @Override
    public void progress(double progress, Double total, String message) {}

    @Override
    public void log(String level, String logger, JsonNode data) {}

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public JsonNode elicit(String key, String message, ObjectNode requestedSchema) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode sample(String key, ObjectNode params) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode listRoots(String key) {
      throw new UnsupportedOperationException();
    }
  }

  /** Calls {@code tool} through {@code layers} (outermost first), as the protocol layer does. */
  public static ToolResult call(
      List<ToolLayer> layers, McpTool tool, ObjectNode arguments, CallContext context)
      throws Exception {
    ToolLayer.Chain chain = inv -> inv.tool().call(inv.call(), inv.context());
    for (int i = layers.size() - 1; i >= 0; i--) {
      ToolLayer layer = layers.get(i);
      ToolLayer.Chain next = chain;
      chain = inv -> layer.call(inv, next);
    }
    return chain.proceed(
        new ToolLayer.ToolInvocation(
            tool, new ToolCall(tool.descriptor().name(), arguments), context));
  }

  /** Calls {@code tool} through one layer, without arguments, as {@code caller}. */
  public static ToolResult call(ToolLayer layer, McpTool tool, Caller caller) throws Exception {
    return call(List.of(layer), tool, args("{}"), context(caller));
  }

  /** The text of a result's blocks, joined. */
  public static String text(ToolResult result) {
    StringBuilder out = new StringBuilder();
    for (var block : result.content()) {
      if (block instanceof dev.mcpfleet.runtime.spi.Content.Text t) {
        out.append(t.text()).append('\n');
      }
    }
    return out.toString();
  }

  /** A request head with these headers from {@code address}. */
  public static HttpGuard.RequestHead head(Map<String, String> headers, String address) {
    HttpHeaders h = new DefaultHttpHeaders();
    headers.forEach(h::add);
    return new HttpGuard.RequestHead("POST", "/mcp", h, new InetSocketAddress(address, 40000));
  }

  public static HttpGuard.RequestHead head(Map<String, String> headers) {
    return head(headers, "127.0.0.1");
  }
}
