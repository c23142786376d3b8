package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import java.util.List;

/**
 * The pipeline's tool layers composed around the tool, outermost first: built once per pipeline
 * (the pipeline changes only with the definition), not per call.
 */
public final class ToolChains {

  private record Composed(Pipeline pipeline, ToolLayer.Chain chain) {}

  private volatile Composed composed;

  /** The chain through {@code pipeline}'s layers; its innermost link calls the tool. */
  ToolLayer.Chain chain(Pipeline pipeline) {
    Composed current = composed;
    if (current == null || current.pipeline() != pipeline) {
      current = new Composed(pipeline, compose(pipeline.toolLayers()));
      composed = current;
    }
    return current.chain();
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
