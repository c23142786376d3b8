package dev.mcpfleet.runtime.observability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;

/**
 * {@code /ready}: whether this replica should get traffic. Ready once the definition is loaded; not
 * ready from the moment shutdown begins ({@link #drain()}), so Kubernetes takes the pod out of its
 * Service while calls in flight finish.
 */
public final class Readiness {

  private final BooleanSupplier definitionLoaded;
  private volatile boolean draining;

  public Readiness(BooleanSupplier definitionLoaded) {
    this.definitionLoaded = definitionLoaded;
  }

  /** Shutdown has begun: report not ready from now on. */
  public void drain() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }

  public boolean ready() {
    return !draining && definitionLoaded.getAsBoolean();
  }

  /** The answer of {@code /ready}: {@code {"status":"ready"}} or why not. */
  public ObjectNode report() {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    if (draining) {
      return report.put("status", "not_ready").put("reason", "shutting down");
    }
    if (!definitionLoaded.getAsBoolean()) {
      return report.put("status", "not_ready").put("reason", "the definition is not loaded");
    }
    return report.put("status", "ready");
  }
}
