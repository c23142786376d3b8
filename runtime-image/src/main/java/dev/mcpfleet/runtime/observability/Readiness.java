package dev.mcpfleet.runtime.observability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * {@code /ready}: whether this replica should get traffic. Ready once the definition is loaded and
 * every required check is healthy (a fronted upstream must have started); not ready from the moment
 * shutdown begins ({@link #drain()}), so Kubernetes takes the pod out of its Service while calls in
 * flight finish.
 */
public final class Readiness {

  private final BooleanSupplier definitionLoaded;
  private final List<HealthCheck> required = new CopyOnWriteArrayList<>();
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

  /** Reports not ready while {@code check} is not healthy. */
  public void require(HealthCheck check) {
    required.add(check);
  }

  public boolean ready() {
    return !draining && definitionLoaded.getAsBoolean() && unmet() == null;
  }

  /** The first required check that is not healthy, with its answer; null when all are. */
  private String unmet() {
    for (HealthCheck check : required) {
      HealthCheck.Result result = check.check();
      if (result.status() != HealthCheck.Status.HEALTHY) {
        return check.name() + ": " + result.message();
      }
    }
    return null;
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
    String unmet = unmet();
    if (unmet != null) {
      return report.put("status", "not_ready").put("reason", unmet);
    }
    return report.put("status", "ready");
  }
}
