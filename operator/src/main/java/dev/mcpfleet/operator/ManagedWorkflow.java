package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.dependent.McpServerDependentResource;
import dev.mcpfleet.operator.dependent.SpecCondition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/**
 * The reconciler's {@link Workflow} read as data, so that {@code render} and the RBAC list derive
 * from the one declaration the operator runs and can never drift from it.
 */
final class ManagedWorkflow {

  /**
   * One dependent of the workflow.
   *
   * @param precondition null when the dependent is always reconciled
   * @param activated true when a cluster capability (a CRD) gates it
   */
  record Step(
      String name,
      McpServerDependentResource<? extends HasMetadata> dependent,
      SpecCondition<?> precondition,
      boolean activated) {

    /** Whether the dependent is reconciled (rather than deleted) for {@code server}. */
    boolean applies(McpServer server) {
      return precondition == null || precondition.holds(server);
    }

    Class<? extends HasMetadata> resourceType() {
      return dependent.resourceType();
    }
  }

  private ManagedWorkflow() {}

  /** The steps in declaration order, which is also a sensible apply order. */
  static List<Step> steps() {
    Workflow workflow = McpServerReconciler.class.getAnnotation(Workflow.class);
    return Arrays.stream(workflow.dependents()).map(ManagedWorkflow::step).toList();
  }

  @SuppressWarnings("unchecked")
  private static Step step(Dependent declared) {
    var dependent = (McpServerDependentResource<? extends HasMetadata>) create(declared.type());
    // Every precondition of this workflow depends on the spec alone (a SpecCondition).
    SpecCondition<?> precondition =
        declared.reconcilePrecondition() == Condition.class
            ? null
            : (SpecCondition<?>) create(declared.reconcilePrecondition());
    return new Step(
        declared.name(),
        dependent,
        precondition,
        declared.activationCondition() != Condition.class);
  }

  private static Object create(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("cannot create " + type.getName(), cause);
    }
  }
}
