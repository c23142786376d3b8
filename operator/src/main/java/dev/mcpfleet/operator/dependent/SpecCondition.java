package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * A workflow condition that depends on the McpServer's spec alone, so {@code render} can evaluate
 * it without a cluster exactly as the operator does.
 */
public abstract class SpecCondition<R> implements Condition<R, McpServer> {

  @Override
  public final boolean isMet(
      DependentResource<R, McpServer> dependent, McpServer server, Context<McpServer> context) {
    return holds(server);
  }

  /** Whether the condition holds for {@code server}. */
  public abstract boolean holds(McpServer server);
}
