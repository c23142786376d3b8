package dev.mcpfleet.runtime.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.mcpfleet.api.spec.TextToolSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.validation.JsonSchemas;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import dev.mcpfleet.runtime.template.JsonTemplate;
import dev.mcpfleet.runtime.template.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool answered from the manifest alone: its content blocks and structuredContent are templates
 * over the call's arguments (schema defaults fill what a call leaves out). Structured results are
 * checked against the outputSchema; without content blocks, the serialized structured result is the
 * one text block, as MCP recommends. Never blocks, so it answers inline.
 */
public final class TextTool implements McpTool {

  private final ToolDescriptor descriptor;
  private final List<ContentTemplate> content;
  private final JsonTemplate structuredContent;
  private final Schema outputSchema;
  private final boolean isError;
  private final Values defaults;

  public TextTool(ToolSpec tool) {
    TextToolSpec text = tool.text();
    this.descriptor = SpecMappings.tool(tool);
    this.content =
        text.content() == null
            ? List.of()
            : text.content().stream().map(ContentTemplate::new).toList();
    this.structuredContent =
        text.structuredContent() == null ? null : JsonTemplate.compile(text.structuredContent());
    this.outputSchema =
        tool.outputSchema() == null ? null : JsonSchemas.compile(tool.outputSchema());
    this.isError = Boolean.TRUE.equals(text.isError());
    this.defaults = Values.of(SpecMappings.defaults(tool.inputSchema()));
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public boolean inline() {
    return true;
  }

  /** Made from the manifest and the arguments only: nothing to redact. */
  @Override
  public boolean selfContained() {
    return true;
  }

  @Override
  public ToolResult call(ToolCall call, CallContext context) {
    Values values = Values.of(call.arguments()).orElse(defaults);
    JsonNode structured = structuredContent == null ? null : structuredContent.render(values);
    if (structured != null && outputSchema != null) {
      List<String> violations = JsonSchemas.violations(outputSchema, structured);
      if (!violations.isEmpty()) {
        return ToolResult.error(
            "The result of "
                + descriptor.name()
                + " does not conform to its outputSchema with these arguments: "
                + String.join("; ", violations));
      }
    }
    List<Content> blocks = new ArrayList<>(content.size() + 1);
    try {
      for (ContentTemplate block : content) {
        blocks.add(block.render(values));
      }
    } catch (IllegalArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    if (blocks.isEmpty() && structured != null) {
      blocks.add(new Content.Text(structured.toString(), null));
    }
    return new ToolResult(blocks, structured, isError);
  }
}
