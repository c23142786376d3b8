package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * One MCP content block, used by text tools and prompt messages. Text fields may use {@code
 * {{argument}}} placeholders.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'text' || has(self.text)",
    message = "a text content block needs text")
@ValidationRule(
    value =
        "!(self.type == 'image' || self.type == 'audio') || (has(self.data) && has(self.mimeType))",
    message = "image and audio content blocks need data (base64) and mimeType")
@ValidationRule(
    value = "self.type != 'resource' || has(self.resource)",
    message = "a resource content block needs resource (the embedded resource)")
@ValidationRule(
    value = "self.type != 'resource_link' || (has(self.uri) && has(self.name))",
    message = "a resource_link content block needs uri and name")
public record ContentSpec(
    @Required
        @JsonPropertyDescription(
            "The kind of block: text, image, audio, resource (embedded) or resource_link.")
        Type type,
    @Size(max = 1048576) @JsonPropertyDescription("The text (type text).") String text,
    @Size(max = 4194304) @JsonPropertyDescription("Base64-encoded bytes (types image and audio).")
        String data,
    @Size(max = 128)
        @JsonPropertyDescription("MIME type (image, audio, resource_link), e.g. image/png.")
        String mimeType,
    @Size(max = 2048) @JsonPropertyDescription("The linked resource's URI (type resource_link).")
        String uri,
    @Size(max = 256) @JsonPropertyDescription("The linked resource's name (type resource_link).")
        String name,
    @Size(max = 1024)
        @JsonPropertyDescription("The linked resource's description (type resource_link).")
        String description,
    @JsonPropertyDescription("The embedded resource (type resource).")
        EmbeddedResourceSpec resource,
    @JsonPropertyDescription("Who the block is for and how important it is.")
        ContentAnnotationsSpec annotations) {

  /** MCP content block types. */
  public enum Type {
    @JsonProperty("text")
    TEXT,
    @JsonProperty("image")
    IMAGE,
    @JsonProperty("audio")
    AUDIO,
    @JsonProperty("resource")
    RESOURCE,
    @JsonProperty("resource_link")
    RESOURCE_LINK
  }

  /** A resource embedded in a content block: text or base64 blob. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.text) != has(self.blob)",
      message = "an embedded resource needs exactly one of text or blob")
  public record EmbeddedResourceSpec(
      @Required @Size(max = 2048) @JsonPropertyDescription("The resource's URI.") String uri,
      @Size(max = 128) @JsonPropertyDescription("The resource's MIME type.") String mimeType,
      @Size(max = 1048576) @JsonPropertyDescription("Text content.") String text,
      @Size(max = 4194304) @JsonPropertyDescription("Base64-encoded binary content.")
          String blob) {}

  /** MCP annotations on a content block or resource. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContentAnnotationsSpec(
      @Size(max = 2) @JsonPropertyDescription("Who the content is for: user, assistant, or both.")
          List<Role> audience,
      @io.fabric8.generator.annotation.Min(0)
          @io.fabric8.generator.annotation.Max(1)
          @JsonPropertyDescription("Importance from 0 (least) to 1 (most).")
          Double priority) {}

  /** The two roles of an MCP conversation. */
  public enum Role {
    @JsonProperty("user")
    USER,
    @JsonProperty("assistant")
    ASSISTANT
  }
}
