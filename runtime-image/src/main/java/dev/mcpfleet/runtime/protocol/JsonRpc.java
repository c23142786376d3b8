package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;

/** JSON-RPC 2.0 envelopes: reading one incoming message and writing outgoing ones. */
public final class JsonRpc {

  private JsonRpc() {}

  /** What an incoming message is. */
  public enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE
  }

  /**
   * One incoming message.
   *
   * @param kind request, notification or response (to a request the server sent)
   * @param id the request's id (string or number), null for notifications
   * @param method the method, null for responses
   * @param params the params object (empty when absent), null for responses
   * @param response the whole message when it is a response, else null
   */
  public record Message(
      Kind kind, JsonNode id, String method, ObjectNode params, JsonNode response) {

    /** The {@code params._meta} object, or null. */
    public JsonNode meta() {
      JsonNode meta = params == null ? null : params.get("_meta");
      return meta != null && meta.isObject() ? meta : null;
    }
  }

  /** Reads one message; anything that is not a JSON-RPC 2.0 message is an invalid request. */
  public static Message read(JsonNode node) {
    if (!node.isObject()) {
      throw McpError.invalidRequest("A JSON-RPC message must be a JSON object");
    }
    if (!"2.0".equals(Json.text(node, "jsonrpc"))) {
      throw McpError.invalidRequest("The message must carry \"jsonrpc\": \"2.0\"");
    }
    JsonNode id = node.get("id");
    if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
      throw McpError.invalidRequest("\"id\" must be a string or an integer");
    }
    JsonNode method = node.get("method");
    if (method == null) {
      if (id != null && (node.has("result") || node.has("error"))) {
        return new Message(Kind.RESPONSE, id, null, null, node);
      }
      throw McpError.invalidRequest("The message has no \"method\" and is not a response");
    }
    if (!method.isTextual() || method.asText().isEmpty()) {
      throw McpError.invalidRequest("\"method\" must be a non-empty string");
    }
    JsonNode params = node.get("params");
    ObjectNode paramsObject;
    if (params == null || params.isNull()) {
      paramsObject = Json.object();
    } else if (params.isObject()) {
      paramsObject = (ObjectNode) params;
    } else {
      throw McpError.invalidRequest("\"params\" must be a JSON object");
    }
    Kind kind = id == null ? Kind.NOTIFICATION : Kind.REQUEST;
    return new Message(kind, id, method.asText(), paramsObject, null);
  }

  /** Writes {@code {"jsonrpc":"2.0","id":…,"result":{…}}}. */
  public static void writeResult(JsonGenerator g, JsonNode id, Json.Writer resultFields)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("jsonrpc", "2.0");
    writeId(g, id);
    g.writeObjectFieldStart("result");
    resultFields.write(g);
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Writes an error response; {@code id} may be null when the request's id is unknown. */
  public static void writeError(JsonGenerator g, JsonNode id, McpError error) throws IOException {
    g.writeStartObject();
    g.writeStringField("jsonrpc", "2.0");
    writeId(g, id);
    g.writeObjectFieldStart("error");
    g.writeNumberField("code", error.code());
    g.writeStringField("message", error.getMessage());
    if (error.data() != null) {
      g.writeFieldName("data");
      g.writeTree(error.data());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  public static ByteBuf result(ByteBufAllocator alloc, JsonNode id, Json.Writer resultFields) {
    return Json.write(alloc, g -> writeResult(g, id, resultFields));
  }

  public static ByteBuf error(ByteBufAllocator alloc, JsonNode id, McpError error) {
    return Json.write(alloc, g -> writeError(g, id, error));
  }

  /** A notification whose params are written by {@code paramsFields}. */
  public static ByteBuf notification(
      ByteBufAllocator alloc, String method, Json.Writer paramsFields) {
    return Json.write(
        alloc,
        g -> {
          g.writeStartObject();
          g.writeStringField("jsonrpc", "2.0");
          g.writeStringField("method", method);
          g.writeObjectFieldStart("params");
          paramsFields.write(g);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** A request from the server to the client (legacy revisions only). */
  public static ByteBuf request(ByteBufAllocator alloc, String id, String method, JsonNode params) {
    return Json.write(
        alloc,
        g -> {
          g.writeStartObject();
          g.writeStringField("jsonrpc", "2.0");
          g.writeStringField("id", id);
          g.writeStringField("method", method);
          g.writeFieldName("params");
          g.writeTree(params);
          g.writeEndObject();
        });
  }

  private static void writeId(JsonGenerator g, JsonNode id) throws IOException {
    g.writeFieldName("id");
    if (id == null) {
      g.writeNull();
    } else {
      g.writeTree(id);
    }
  }
}
