package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A protocol error: a JSON-RPC error object and the HTTP status it travels with. Thrown anywhere in
 * request handling and turned into the response in one place. Stackless: it is control flow.
 */
public final class McpError extends RuntimeException {

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int RESOURCE_NOT_FOUND_LEGACY = -32002;
  public static final int HEADER_MISMATCH = -32020;
  public static final int MISSING_CLIENT_CAPABILITY = -32021;
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private final int code;
  private final transient JsonNode data;
  private final int httpStatus;

  public McpError(int code, String message, JsonNode data, int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }

  /** The HTTP status of the response that carries this error. */
  public int httpStatus() {
    return httpStatus;
  }

  public static McpError parse(String message) {
    return new McpError(PARSE_ERROR, message, null, 400);
  }

  public static McpError invalidRequest(String message) {
    return new McpError(INVALID_REQUEST, message, null, 400);
  }

  /** An unknown method: HTTP 404 in 2026-07-28, a plain JSON-RPC error before. */
  public static McpError methodNotFound(String method, boolean stateless) {
    return new McpError(
        METHOD_NOT_FOUND,
        "Method not found: '" + method + "' is not served here",
        null,
        stateless ? 404 : 200);
  }

  public static McpError invalidParams(String message) {
    return new McpError(INVALID_PARAMS, message, null, 200);
  }

  /** Invalid params that make the whole request malformed (HTTP 400), e.g. missing _meta. */
  public static McpError malformedParams(String message) {
    return new McpError(INVALID_PARAMS, message, null, 400);
  }

  public static McpError internal(String message) {
    return new McpError(INTERNAL_ERROR, message, null, 200);
  }

  public static McpError headerMismatch(String message) {
    return new McpError(HEADER_MISMATCH, message, null, 400);
  }

  /** -32021 with {@code data.requiredCapabilities} as a ClientCapabilities object. */
  public static McpError missingCapability(String capability) {
    ObjectNode data = Json.object();
    data.putObject("requiredCapabilities").putObject(capability);
    return new McpError(
        MISSING_CLIENT_CAPABILITY,
        "This request needs the client capability '"
            + capability
            + "'; declare it in _meta io.modelcontextprotocol/clientCapabilities",
        data,
        400);
  }

  /** -32022 with the versions this server speaks and the one asked for. */
  public static McpError unsupportedVersion(String requested, List<String> supported) {
    ObjectNode data = Json.object();
    supported.forEach(data.putArray("supported")::add);
    data.put("requested", requested);
    return new McpError(
        UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version '" + requested + "'; this server speaks " + supported,
        data,
        400);
  }

  /** An unknown resource: -32602 with data.uri in 2026-07-28, -32002 before. */
  public static McpError resourceNotFound(String uri, Revision revision) {
    ObjectNode data = Json.object().put("uri", uri);
    int code = revision.stateless() ? INVALID_PARAMS : RESOURCE_NOT_FOUND_LEGACY;
    return new McpError(code, "Resource not found: " + uri, data, 200);
  }
}
