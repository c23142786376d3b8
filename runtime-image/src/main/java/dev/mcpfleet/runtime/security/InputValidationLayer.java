package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import dev.mcpfleet.api.validation.JsonSchemas;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every call's arguments against the tool's {@code inputSchema} (JSON Schema 2020-12 unless
 * the schema's {@code $schema} names another dialect; remote {@code $ref}s are never fetched).
 * Schemas are compiled once per schema ({@link JsonSchemas#compile}, shared with the manifest's
 * checks that compiled them when the definition was loaded). A call that does not match gets a tool
 * result with {@code isError} naming each wrong field (the 2025-11-25 rule: input errors are tool
 * errors the model can correct), and the tool is not called.
 */
public final class InputValidationLayer implements ToolLayer {

  /** At most this many problems are listed; the rest are counted. */
  static final int MAX_LISTED = 10;

  private final Map<String, Schema> schemas;

  /**
   * Compiles the input schema of every tool.
   *
   * @throws IllegalArgumentException when a schema cannot be compiled, naming the tool
   */
  public InputValidationLayer(List<McpTool> tools) {
    Map<String, Schema> compiled = new HashMap<>();
    for (McpTool tool : tools) {
      String name = tool.descriptor().name();
      JsonNode schema = tool.descriptor().inputSchema();
      if (schema != null) {
        compiled.put(name, compile(name, schema));
      }
    }
    this.schemas = Map.copyOf(compiled);
  }

  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    Schema schema = schemas.get(invocation.call().name());
    if (schema != null) {
      List<Error> errors = schema.validate(invocation.call().arguments());
      if (!errors.isEmpty()) {
        return invalid(invocation.call().name(), errors);
      }
    }
    return next.proceed(invocation);
  }

  /** The compiled input schema of {@code tool}, or null when it has none. */
  Schema schemaOf(String tool) {
    return schemas.get(tool);
  }

  private static Schema compile(String tool, JsonNode schema) {
    try {
      return JsonSchemas.compile(schema);
    } catch (SchemaException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tool '" + tool + "' has an inputSchema that cannot be compiled: " + e.getMessage(), e);
    }
  }

  private static ToolResult invalid(String tool, List<Error> errors) {
    ArrayNode details = JsonNodeFactory.instance.arrayNode();
    StringBuilder text =
        new StringBuilder("the arguments of '").append(tool).append("' are wrong:");
    for (int i = 0; i < errors.size() && i < MAX_LISTED; i++) {
      Error error = errors.get(i);
      String field = field(error);
      text.append(' ').append(field).append(' ').append(problem(error)).append(';');
      details
          .addObject()
          .put("field", field)
          .put("keyword", error.getKeyword())
          .put("message", error.getMessage());
    }
    if (errors.size() > MAX_LISTED) {
      text.append(" and ").append(errors.size() - MAX_LISTED).append(" more problems;");
    }
    text.setLength(text.length() - 1);
    text.append(". Fix them and call the tool again.");
    return ClassifiedError.client(ClassifiedError.INVALID_INPUT, text.toString())
        .withDetails(details)
        .toToolResult();
  }

  /** The JSON Pointer of the wrong field; for a missing property, the property's own pointer. */
  private static String field(Error error) {
    String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    if (at.equals("/")) {
      at = "";
    }
    if (error.getProperty() != null && "required".equals(error.getKeyword())) {
      at = at + "/" + error.getProperty();
    }
    return at.isEmpty() ? "(the arguments object)" : "'" + at + "'";
  }

  /** The validator's message without the location it starts with. */
  private static String problem(Error error) {
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith(String.valueOf(error.getInstanceLocation()))
        ? message.substring(colon + 2)
        : message;
  }
}
