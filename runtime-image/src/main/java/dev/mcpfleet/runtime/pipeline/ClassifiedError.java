package dev.mcpfleet.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;

/**
 * An error in the guide's classification: whose fault it is ({@link Category}), a stable code
 * ({@code INVALID_INPUT}, {@code ACCESS_DENIED}, {@code RATE_LIMITED}, {@code
 * UPSTREAM_UNAVAILABLE}, ...), a message that says what to do, and when to retry. Layers attach it
 * as JSON-RPC error {@code data} (HTTP rejections) or as a tool result's text and {@code _meta}.
 *
 * @param category client, server or external (dependency) fault
 * @param code a stable upper-case code clients may switch on
 * @param message what happened and what to do next
 * @param retryAfterSeconds when a retry may succeed, or null
 * @param details extra machine-readable facts (the invalid fields, the scope needed...), or null
 */
public record ClassifiedError(
    Category category, String code, String message, Long retryAfterSeconds, JsonNode details) {

  public static final String INVALID_INPUT = "INVALID_INPUT";
  public static final String ACCESS_DENIED = "ACCESS_DENIED";
  public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String UPSTREAM_UNAVAILABLE = "UPSTREAM_UNAVAILABLE";
  public static final String UPSTREAM_TIMEOUT = "UPSTREAM_TIMEOUT";
  public static final String UPSTREAM_ERROR = "UPSTREAM_ERROR";
  public static final String SHUTTING_DOWN = "SHUTTING_DOWN";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  /** The {@code _meta} key under which tool results carry the error. */
  public static final String META_KEY = "dev.mcpfleet/error";

  /** Whose fault an error is, as the guide classifies it. */
  public enum Category {
    /** 4xx: the caller's request must change. */
    CLIENT_ERROR("client_error"),
    /** 5xx: this server failed. */
    SERVER_ERROR("server_error"),
    /** 502/503: a dependency failed; retrying later may help. */
    EXTERNAL_ERROR("external_error");

    private final String wire;

    Category(String wire) {
      this.wire = wire;
    }

    /** The category as written in JSON. */
    public String wire() {
      return wire;
    }
  }

  /** A client error without retry hint. */
  public static ClassifiedError client(String code, String message) {
    return new ClassifiedError(Category.CLIENT_ERROR, code, message, null, null);
  }

  /** The same error with these details. */
  public ClassifiedError withDetails(JsonNode details) {
    return new ClassifiedError(category, code, message, retryAfterSeconds, details);
  }

  /**
   * The error as JSON: {@code {"category","code","message","retry_after"?,"details"?}}, the guide's
   * field names.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("category", category.wire()).put("code", code).put("message", message);
    if (retryAfterSeconds != null) {
      json.put("retry_after", retryAfterSeconds);
    }
    if (details != null) {
      json.set("details", details);
    }
    return json;
  }

  /**
   * A JSON-RPC error object without id, for HTTP rejections that happen before the body is read
   * (the code is usually -32600, invalid request; the HTTP status says the rest): {@code
   * {"jsonrpc":"2.0","error":{"code":jsonRpcCode,"message":...,"data":toJson()}}}.
   */
  public ObjectNode toJsonRpcError(int jsonRpcCode) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("jsonrpc", "2.0");
    ObjectNode error = body.putObject("error");
    error.put("code", jsonRpcCode).put("message", message);
    error.set("data", toJson());
    return body;
  }

  /**
   * The error as a tool result with {@code isError}: one text block the model can read ({@code
   * CODE: message}) and the error under {@code _meta["dev.mcpfleet/error"]} for programs.
   */
  public ToolResult toToolResult() {
    String text = code + ": " + message;
    if (retryAfterSeconds != null) {
      text += " (retry after " + retryAfterSeconds + " s)";
    }
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.set(META_KEY, toJson());
    return new ToolResult(List.of(new Content.Text(text, null)), null, true, meta);
  }

  /**
   * {@code result} (an error result whose text is already written) carrying this error in its
   * {@code _meta}, so that the layers can tell, e.g., an unavailable upstream from a refused input.
   */
  public ToolResult attachTo(ToolResult result) {
    ObjectNode meta =
        result.meta() == null ? JsonNodeFactory.instance.objectNode() : result.meta().deepCopy();
    meta.set(META_KEY, toJson());
    return result.withMeta(meta);
  }

  /**
   * True when {@code result} reports that a dependency failed (category external_error): circuit
   * breakers count it, idempotent calls may be retried, and a cached answer may stand in.
   */
  public static boolean isUpstreamFailure(ToolResult result) {
    return result.isError()
        && result.meta() != null
        && Category.EXTERNAL_ERROR
            .wire()
            .equals(result.meta().path(META_KEY).path("category").asText());
  }

  /** The code of the error a tool result carries in its {@code _meta}, or null. */
  public static String codeOf(ToolResult result) {
    if (result.meta() == null) {
      return null;
    }
    JsonNode code = result.meta().path(META_KEY).path("code");
    return code.isTextual() ? code.asText() : null;
  }
}
