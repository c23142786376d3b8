package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.McpTool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's tool layers composed around the tool, outermost first: built once per pipeline
 * (the pipeline changes only with the definition), not per call. Also knows, per tool, whether a
 * layer may block around it, so that such calls of inline tools leave the event loop.
 */
public final class ToolChains {

  private record Composed(
      Pipeline pipeline, ToolLayer.Chain chain, Map<McpTool, Boolean> blocking) {}

  private volatile Composed composed;

  /** The chain through {@code pipeline}'s layers; its innermost link calls the tool. */
  ToolLayer.Chain chain(Pipeline pipeline) {
    return composed(pipeline).chain();
  }

  /**
   * Whether a call of {@code tool} through {@code pipeline} may block, so it must not run inline.
   */
  boolean blocking(Pipeline pipeline, McpTool tool) {
    if (!tool.inline()) {
      return true;
    }
    return composed(pipeline)
        .blocking()
        .computeIfAbsent(
            tool, t -> pipeline.toolLayers().stream().anyMatch(layer -> layer.mayBlock(t)));
  }

  private Composed composed(Pipeline pipeline) {
    Composed current = composed;
    if (current == null || current.pipeline() != pipeline) {
      current = new Composed(pipeline, compose(pipeline.toolLayers()), new ConcurrentHashMap<>());
      composed = current;
    }
    return current;
  }

  static ToolLayer.Chain compose(List<ToolLayer> layers) {
    ToolLayer.Chain chain = inv -> inv.tool().call(inv.call(), inv.context());
    for (int i = layers.size() - 1; i >= 0; i--) {
      ToolLayer layer = layers.get(i);
      ToolLayer.Chain next = chain;
      chain = inv -> layer.call(inv, next);
    }
    return chain;
  }
}
