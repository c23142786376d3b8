package dev.mcpfleet.runtime.pipeline;

import java.util.List;

/**
 * The layers of one running server, in the order DESIGN.md §4 gives them. Built in one place from
 * the spec; the protocol layer applies them.
 *
 * @param guards HTTP guards in order (authentication before rate limit)
 * @param access authorization
 * @param toolLayers tool layers, outermost first
 * @param observers request observers
 */
public record Pipeline(
    List<HttpGuard> guards,
    AccessPolicy access,
    List<ToolLayer> toolLayers,
    List<RequestObserver> observers) {

  public Pipeline {
    guards = List.copyOf(guards);
    toolLayers = List.copyOf(toolLayers);
    observers = List.copyOf(observers);
  }

  /** No layers: every caller anonymous and allowed, tools called directly. */
  public static Pipeline bare() {
    return new Pipeline(List.of(), AccessPolicy.ALLOW_ALL, List.of(), List.of());
  }
}
