package dev.mcpfleet.runtime.declarative;

import dev.mcpfleet.api.spec.ResourceSpec;
import dev.mcpfleet.api.validation.Base64Data;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A resource whose text or base64 blob is written in the manifest; its contents never change. */
public final class StaticResource implements McpResource {

  /** The MIME type of a text resource that declares none. */
  static final String DEFAULT_TEXT_TYPE = "text/plain";

  /** The MIME type of a binary resource that declares none. */
  static final String DEFAULT_BLOB_TYPE = "application/octet-stream";

  private final ResourceDescriptor descriptor;
  private final List<ResourceContents> contents;

  public StaticResource(ResourceSpec spec) {
    String mimeType =
        spec.mimeType() != null
            ? spec.mimeType()
            : spec.text() != null ? DEFAULT_TEXT_TYPE : DEFAULT_BLOB_TYPE;
    long size =
        spec.text() != null
            ? spec.text().getBytes(StandardCharsets.UTF_8).length
            : Base64Data.decodedLength(spec.blob());
    this.descriptor =
        new ResourceDescriptor(
            spec.uri(),
            spec.name(),
            spec.title(),
            spec.description(),
            mimeType,
            size,
            SpecMappings.annotations(spec.annotations()),
            SpecMappings.icons(spec.icons()));
    this.contents =
        List.of(
            spec.text() != null
                ? ResourceContents.text(spec.uri(), mimeType, spec.text())
                : ResourceContents.blob(spec.uri(), mimeType, Base64Data.normalize(spec.blob())));
  }

  /** Rendered from memory: never blocks. */
  @Override
  public boolean inline() {
    return true;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<ResourceContents> read(CallContext context) {
    return contents;
  }
}
