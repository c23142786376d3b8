package dev.mcpfleet.runtime.spi;

import java.util.List;

/** An MCP content block, as found in tool results and prompt messages. */
public sealed interface Content {

  /** Audience and priority hints; null fields are omitted. */
  record Annotations(List<String> audience, Double priority) {}

  /** Plain text. */
  record Text(String text, Annotations annotations) implements Content {}

  /** An image: base64 data and its MIME type. */
  record Image(String data, String mimeType, Annotations annotations) implements Content {}

  /** Audio: base64 data and its MIME type. */
  record Audio(String data, String mimeType, Annotations annotations) implements Content {}

  /** A resource embedded in the result. */
  record EmbeddedResource(ResourceContents resource, Annotations annotations) implements Content {}

  /** A link to a resource the client may read. */
  record ResourceLink(
      String uri, String name, String description, String mimeType, Annotations annotations)
      implements Content {}
}
