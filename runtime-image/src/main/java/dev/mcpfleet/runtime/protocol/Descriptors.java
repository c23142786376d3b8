package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import java.io.IOException;
import java.util.List;

/** Writes what the lists show: server identity, tools, resources, templates and prompts. */
final class Descriptors {

  private Descriptors() {}

  /** The fields of serverInfo (an Implementation). */
  static void serverInfo(JsonGenerator g, ServerDefinition.ServerInfo info) throws IOException {
    g.writeStringField("name", info.name());
    g.writeStringField("version", info.version());
    optional(g, "title", info.title());
    optional(g, "description", info.description());
    icons(g, info.icons());
  }

  static void tool(JsonGenerator g, ToolDescriptor tool, Revision revision) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", tool.name());
    optional(g, "title", tool.title());
    optional(g, "description", tool.description());
    g.writeFieldName("inputSchema");
    if (tool.inputSchema() == null) {
      g.writeStartObject();
      g.writeStringField("type", "object");
      g.writeEndObject();
    } else {
      g.writeTree(tool.inputSchema());
    }
    if (tool.outputSchema() != null && revision.hasStructuredContent()) {
      g.writeFieldName("outputSchema");
      g.writeTree(tool.outputSchema());
    }
    if (tool.annotations() != null) {
      g.writeFieldName("annotations");
      g.writeTree(tool.annotations());
    }
    icons(g, tool.icons());
    g.writeEndObject();
  }

  static void resource(JsonGenerator g, McpResource.ResourceDescriptor r) throws IOException {
    g.writeStartObject();
    g.writeStringField("uri", r.uri());
    g.writeStringField("name", r.name());
    optional(g, "title", r.title());
    optional(g, "description", r.description());
    optional(g, "mimeType", r.mimeType());
    if (r.size() != null) {
      g.writeNumberField("size", r.size());
    }
    ContentWriter.annotations(g, r.annotations());
    icons(g, r.icons());
    g.writeEndObject();
  }

  static void template(JsonGenerator g, McpResourceTemplate.TemplateDescriptor t)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("uriTemplate", t.uriTemplate());
    g.writeStringField("name", t.name());
    optional(g, "title", t.title());
    optional(g, "description", t.description());
    optional(g, "mimeType", t.mimeType());
    ContentWriter.annotations(g, t.annotations());
    icons(g, t.icons());
    g.writeEndObject();
  }

  static void prompt(JsonGenerator g, McpPrompt.PromptDescriptor p) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", p.name());
    optional(g, "title", p.title());
    optional(g, "description", p.description());
    if (!p.arguments().isEmpty()) {
      g.writeArrayFieldStart("arguments");
      for (McpPrompt.Argument a : p.arguments()) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        optional(g, "title", a.title());
        optional(g, "description", a.description());
        g.writeBooleanField("required", a.required());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    icons(g, p.icons());
    g.writeEndObject();
  }

  static void icons(JsonGenerator g, List<ToolDescriptor.Icon> icons) throws IOException {
    if (icons.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("icons");
    for (ToolDescriptor.Icon icon : icons) {
      g.writeStartObject();
      g.writeStringField("src", icon.src());
      optional(g, "mimeType", icon.mimeType());
      if (icon.sizes() != null && !icon.sizes().isEmpty()) {
        g.writeArrayFieldStart("sizes");
        for (String size : icon.sizes()) {
          g.writeString(size);
        }
        g.writeEndArray();
      }
      optional(g, "theme", icon.theme());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
