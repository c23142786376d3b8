package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The upstream's results read into the runtime's: tool results, resource contents and expanded
 * prompts. The runtime writes them again for each client in its revision (a resource link becomes
 * text for a 2025-03-26 client, {@code structuredContent} is left out where it did not exist).
 */
final class WireResults {

  /** {@code _meta} keys the runtime's layers read; an upstream may not set them. */
  private static final String OWN_META = "dev.mcpfleet/";

  private WireResults() {}

  static ToolResult toolResult(JsonNode result) {
    List<Content> content = new ArrayList<>();
    for (JsonNode block : result.path("content")) {
      content.add(content(block));
    }
    JsonNode structured = result.get("structuredContent");
    return new ToolResult(
        content,
        structured == null || structured.isNull() ? null : structured,
        result.path("isError").asBoolean(false),
        meta(result.get("_meta")));
  }

  static List<ResourceContents> contents(JsonNode result) {
    List<ResourceContents> contents = new ArrayList<>();
    for (JsonNode entry : result.path("contents")) {
      contents.add(resourceContents(entry));
    }
    return contents;
  }

  static McpPrompt.PromptResult promptResult(JsonNode result) {
    List<McpPrompt.Message> messages = new ArrayList<>();
    for (JsonNode message : result.path("messages")) {
      messages.add(
          new McpPrompt.Message(
              message.path("role").asText("user"), content(message.path("content"))));
    }
    return new McpPrompt.PromptResult(Json.text(result, "description"), messages);
  }

  static Content content(JsonNode block) {
    Content.Annotations annotations = WireDescriptors.annotations(block.get("annotations"));
    return switch (block.path("type").asText("")) {
      case "text" -> new Content.Text(block.path("text").asText(""), annotations);
      case "image" ->
          new Content.Image(
              block.path("data").asText(""), Json.text(block, "mimeType"), annotations);
      case "audio" ->
          new Content.Audio(
              block.path("data").asText(""), Json.text(block, "mimeType"), annotations);
      case "resource" ->
          new Content.EmbeddedResource(resourceContents(block.path("resource")), annotations);
      case "resource_link" ->
          new Content.ResourceLink(
              Json.text(block, "uri"),
              Json.text(block, "name") != null ? Json.text(block, "name") : Json.text(block, "uri"),
              Json.text(block, "description"),
              Json.text(block, "mimeType"),
              annotations);
      // A kind of content newer than the runtime: the client still gets what it said.
      default -> new Content.Text(block.toString(), annotations);
    };
  }

  static ResourceContents resourceContents(JsonNode entry) {
    String uri = Json.text(entry, "uri");
    String mimeType = Json.text(entry, "mimeType");
    String blob = Json.text(entry, "blob");
    if (blob != null && !entry.has("text")) {
      return ResourceContents.blob(uri, mimeType, blob);
    }
    return ResourceContents.text(uri, mimeType, entry.path("text").asText(""));
  }

  /** The result's {@code _meta} without the keys of the runtime's own layers, or null. */
  private static ObjectNode meta(JsonNode meta) {
    if (!(meta instanceof ObjectNode given)) {
      return null;
    }
    ObjectNode kept = Json.object();
    given
        .properties()
        .forEach(
            field -> {
              if (!field.getKey().startsWith(OWN_META)) {
                kept.set(field.getKey(), field.getValue());
              }
            });
    return kept.isEmpty() ? null : kept;
  }
}
