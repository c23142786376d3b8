package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.io.IOException;
import java.util.List;

/** Writes content blocks, tool results, resource contents and prompt messages. */
final class ContentWriter {

  private ContentWriter() {}

  static void toolResult(JsonGenerator g, ToolResult result, Revision revision) throws IOException {
    g.writeArrayFieldStart("content");
    for (Content content : result.content()) {
      content(g, content, revision);
    }
    g.writeEndArray();
    if (result.structuredContent() != null && revision.hasStructuredContent()) {
      g.writeFieldName("structuredContent");
      g.writeTree(result.structuredContent());
    }
    if (result.isError()) {
      g.writeBooleanField("isError", true);
    }
  }

  static void content(JsonGenerator g, Content content, Revision revision) throws IOException {
    g.writeStartObject();
    switch (content) {
      case Content.Text t -> {
        g.writeStringField("type", "text");
        g.writeStringField("text", t.text());
        annotations(g, t.annotations());
      }
      case Content.Image i -> {
        g.writeStringField("type", "image");
        g.writeStringField("data", i.data());
        g.writeStringField("mimeType", i.mimeType());
        annotations(g, i.annotations());
      }
      case Content.Audio a -> {
        g.writeStringField("type", "audio");
        g.writeStringField("data", a.data());
        g.writeStringField("mimeType", a.mimeType());
        annotations(g, a.annotations());
      }
      case Content.EmbeddedResource r -> {
        g.writeStringField("type", "resource");
        g.writeFieldName("resource");
        resourceContents(g, r.resource());
        annotations(g, r.annotations());
      }
      case Content.ResourceLink l -> {
        if (revision.hasStructuredContent()) {
          g.writeStringField("type", "resource_link");
          g.writeStringField("uri", l.uri());
          g.writeStringField("name", l.name());
          Descriptors.optional(g, "description", l.description());
          Descriptors.optional(g, "mimeType", l.mimeType());
        } else {
          // 2025-03-26 has no resource links: the client still learns where to look.
          g.writeStringField("type", "text");
          g.writeStringField("text", "Resource: " + l.name() + " <" + l.uri() + ">");
        }
        annotations(g, l.annotations());
      }
    }
    g.writeEndObject();
  }

  static void resourceContents(JsonGenerator g, ResourceContents c) throws IOException {
    g.writeStartObject();
    g.writeStringField("uri", c.uri());
    Descriptors.optional(g, "mimeType", c.mimeType());
    if (c.text() != null) {
      g.writeStringField("text", c.text());
    } else {
      g.writeStringField("blob", c.blob());
    }
    g.writeEndObject();
  }

  static void contents(JsonGenerator g, List<ResourceContents> contents) throws IOException {
    g.writeArrayFieldStart("contents");
    for (ResourceContents c : contents) {
      resourceContents(g, c);
    }
    g.writeEndArray();
  }

  static void promptResult(JsonGenerator g, McpPrompt.PromptResult result, Revision revision)
      throws IOException {
    Descriptors.optional(g, "description", result.description());
    g.writeArrayFieldStart("messages");
    for (McpPrompt.Message message : result.messages()) {
      g.writeStartObject();
      g.writeStringField("role", message.role());
      g.writeFieldName("content");
      content(g, message.content(), revision);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void annotations(JsonGenerator g, Content.Annotations annotations) throws IOException {
    if (annotations == null) {
      return;
    }
    g.writeObjectFieldStart("annotations");
    if (annotations.audience() != null) {
      g.writeArrayFieldStart("audience");
      for (String who : annotations.audience()) {
        g.writeString(who);
      }
      g.writeEndArray();
    }
    if (annotations.priority() != null) {
      g.writeNumberField("priority", annotations.priority());
    }
    g.writeEndObject();
  }
}
