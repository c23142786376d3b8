package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.McpPrompt;
import java.util.List;
import java.util.Map;

/** A prompt of the fronted server: expansions and completions go to the server. */
final class UpstreamPrompt implements McpPrompt, UpstreamItem {

  private final PromptDescriptor descriptor;
  private final UpstreamLink link;

  UpstreamPrompt(PromptDescriptor descriptor, UpstreamLink link) {
    this.descriptor = descriptor;
    this.link = link;
  }

  @Override
  public PromptDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public PromptResult get(Map<String, String> arguments, CallContext context) throws Exception {
    return WireResults.promptResult(
        UpstreamReads.prompt(link, descriptor.name(), arguments, context));
  }

  @Override
  public List<String> complete(String argument, String prefix, Map<String, String> context) {
    return UpstreamReads.complete(
        link,
        Json.object().put("type", "ref/prompt").put("name", descriptor.name()),
        argument,
        prefix,
        context);
  }
}
