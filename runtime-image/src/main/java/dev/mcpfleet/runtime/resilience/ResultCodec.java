package dev.mcpfleet.runtime.resilience;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mcpfleet.runtime.spi.Content;
import java.io.IOException;

/** Cached results as JSON bytes, for the shared Redis level. */
final class ResultCodec {

  /** Tells the content block records apart in JSON, by the MCP type names. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Content.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Content.Image.class, name = "image"),
    @JsonSubTypes.Type(value = Content.Audio.class, name = "audio"),
    @JsonSubTypes.Type(value = Content.EmbeddedResource.class, name = "resource"),
    @JsonSubTypes.Type(value = Content.ResourceLink.class, name = "resource_link")
  })
  private interface ContentTypes {}

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addMixIn(Content.class, ContentTypes.class)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ResultCodec() {}

  static byte[] encode(CachedResult cached) {
    try {
      return MAPPER.writeValueAsBytes(cached);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a cached result", e);
    }
  }

  static CachedResult decode(byte[] bytes) throws IOException {
    return MAPPER.readValue(bytes, CachedResult.class);
  }
}
