package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.List;

/** A resource the fronted server lists; reading it reads it from the server. */
final class UpstreamResource implements McpResource, UpstreamItem {

  private final ResourceDescriptor descriptor;
  private final UpstreamLink link;

  UpstreamResource(ResourceDescriptor descriptor, UpstreamLink link) {
    this.descriptor = descriptor;
    this.link = link;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<ResourceContents> read(CallContext context) {
    return UpstreamReads.read(link, descriptor.uri(), context);
  }
}
