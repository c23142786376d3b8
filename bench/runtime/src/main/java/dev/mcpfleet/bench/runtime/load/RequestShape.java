package dev.mcpfleet.bench.runtime.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of a {@code tools/call} POST in one protocol era. Every server in a comparison gets the
 * same shape: the official SDKs speak only the legacy revisions (up to 2025-11-25), served
 * statelessly without {@code initialize}; the runtime speaks both, 2026-07-28 natively.
 */
public enum RequestShape {
  /** 2026-07-28: {@code _meta} in every request, Mcp-Method and Mcp-Name headers. */
  MODERN("2026-07-28"),
  /** 2025-11-25 without a session: the version header and a bare JSON-RPC request. */
  LEGACY("2025-11-25");

  /** Stands for the request id in {@link #requestTemplate}. */
  public static final String ID = "{{id}}";

  private final String version;

  RequestShape(String version) {
    this.version = version;
  }

  public String version() {
    return version;
  }

  /** The request headers besides Host and Content-Length, the call's own last. */
  public Map<String, String> headers(ToolCall call) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("MCP-Protocol-Version", version);
    if (this == MODERN) {
      headers.put("Mcp-Method", "tools/call");
      headers.put("Mcp-Name", call.tool());
    }
    headers.putAll(call.headers());
    return headers;
  }

  /** The request body with the given id (a JSON number). */
  public String body(ToolCall call, String id) {
    String meta =
        this == MODERN
            ? ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
                + version
                + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"mcp-fleet-bench\","
                + "\"version\":\"1.0.0\"}}"
            : "";
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + call.tool()
        + "\",\"arguments\":"
        + call.argumentsJson()
        + meta
        + "}}";
  }

  /**
   * Header lines, an empty line, then the body with {@link #ID} for the id: the wrk script's input.
   */
  public String requestTemplate(ToolCall call) {
    StringBuilder text = new StringBuilder();
    headers(call)
        .forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.append('\n').append(body(call, ID)).toString();
  }

  /** The request as the JDK's HTTP client sends it, for the harness's own clients. */
  public HttpRequest httpRequest(String url, ToolCall call, long id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body(call, Long.toString(id))));
    headers(call).forEach(request::header);
    return request.build();
  }
}
