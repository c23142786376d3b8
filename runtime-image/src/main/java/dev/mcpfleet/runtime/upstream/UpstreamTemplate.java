package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.List;
import java.util.Map;

/** A resource template of the fronted server: reads and completions go to the server. */
final class UpstreamTemplate implements McpResourceTemplate, UpstreamItem {

  private final TemplateDescriptor descriptor;
  private final UpstreamLink link;

  UpstreamTemplate(TemplateDescriptor descriptor, UpstreamLink link) {
    this.descriptor = descriptor;
    this.link = link;
  }

  @Override
  public TemplateDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public List<ResourceContents> read(
      String uri, Map<String, String> variables, CallContext context) {
    return UpstreamReads.read(link, uri, context);
  }

  @Override
  public List<String> complete(String variable, String prefix) {
    return UpstreamReads.complete(
        link,
        Json.object().put("type", "ref/resource").put("uri", descriptor.uriTemplate()),
        variable,
        prefix,
        Map.of());
  }
}
