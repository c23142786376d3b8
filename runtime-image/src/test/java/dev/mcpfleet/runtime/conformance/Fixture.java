package dev.mcpfleet.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Small builders for items written as lambdas on the SPI: what the test fixtures are made of. */
public final class Fixture {

  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixture() {}

  /** Parses a JSON object literal (tests use single quotes for readability). */
  public static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a tool. */
  @FunctionalInterface
  public interface ToolBody {
    ToolResult call(ToolCall call, CallContext context) throws Exception;
  }

  /** A tool made of a descriptor and a lambda. */
  public record Tool(ToolDescriptor descriptor, boolean inline, ToolBody body) implements McpTool {
    @Override
    public ToolResult call(ToolCall call, CallContext context) throws Exception {
      return body.call(call, context);
    }
  }

  public static Tool tool(
      String name, String description, String schema, boolean inline, ToolBody body) {
    ObjectNode inputSchema = json(schema == null ? "{'type':'object','properties':{}}" : schema);
    return new Tool(
        new ToolDescriptor(name, null, description, inputSchema, null, null, List.of(), false),
        inline,
        body);
  }

  /** The body of a resource. */
  @FunctionalInterface
  public interface ResourceBody {
    List<ResourceContents> read(CallContext context) throws Exception;
  }

  public record Resource(McpResource.ResourceDescriptor descriptor, ResourceBody body)
      implements McpResource {
    @Override
    public List<ResourceContents> read(CallContext context) throws Exception {
      return body.read(context);
    }

    @Override
    public boolean inline() {
      return true;
    }
  }

  public static Resource resource(
      String uri, String name, String description, String mimeType, ResourceBody body) {
    return new Resource(
        new McpResource.ResourceDescriptor(
            uri, name, null, description, mimeType, null, null, List.of()),
        body);
  }

  /** The body of a resource template. */
  @FunctionalInterface
  public interface TemplateBody {
    List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context)
        throws Exception;
  }

  public record Template(McpResourceTemplate.TemplateDescriptor descriptor, TemplateBody body)
      implements McpResourceTemplate {
    @Override
    public List<ResourceContents> read(String uri, Map<String, String> variables, CallContext c)
        throws Exception {
      return body.read(uri, variables, c);
    }
  }

  /** The body of a prompt. */
  @FunctionalInterface
  public interface PromptBody {
    McpPrompt.PromptResult get(Map<String, String> arguments, CallContext context) throws Exception;
  }

  public record Prompt(McpPrompt.PromptDescriptor descriptor, boolean inline, PromptBody body)
      implements McpPrompt {
    @Override
    public PromptResult get(Map<String, String> arguments, CallContext context) throws Exception {
      return body.get(arguments, context);
    }
  }

  public static Prompt prompt(
      String name, String description, List<McpPrompt.Argument> arguments, PromptBody body) {
    return new Prompt(
        new McpPrompt.PromptDescriptor(name, null, description, arguments, List.of()), false, body);
  }

  /** The text of an elicitation answer's content field, or "" when absent. */
  public static String answered(JsonNode elicitation, String field) {
    return elicitation.path("content").path(field).asText("");
  }
}
