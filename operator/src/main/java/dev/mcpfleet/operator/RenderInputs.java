package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.reference.ReferencedData;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Everything besides the McpServer itself that a dependent's desired state depends on. The
 * reconciler puts it into the JOSDK context before it runs the workflow; {@code render} builds it
 * without a cluster. Keeping it this small is what makes desired() usable offline.
 */
public record RenderInputs(OperatorConfig config, ReferencedData references) {

  private static final Object KEY = RenderInputs.class;

  /** Offline inputs: the given settings, and no referenced object known to exist. */
  public static RenderInputs offline(OperatorConfig config) {
    return new RenderInputs(config, ReferencedData.none());
  }

  /** Makes the inputs available to the dependents of this reconciliation. */
  public void putInto(Context<McpServer> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  /** The inputs that the reconciler put into the context. */
  public static RenderInputs from(Context<McpServer> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(KEY, RenderInputs.class);
  }
}
