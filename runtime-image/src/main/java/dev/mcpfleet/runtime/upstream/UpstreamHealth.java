package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.observability.HealthCheck;
import java.time.Duration;

/**
 * The {@code upstream} check of {@code /health}, which also gates {@code /ready}: healthy while the
 * fronted server is initialized and listed; degraded while it starts or restarts (the pod must not
 * get traffic, but restarting it would not help); unhealthy after {@value #UNHEALTHY_AFTER} failed
 * starts in a row, so that Kubernetes restarts the pod and its status shows the crash loop.
 */
final class UpstreamHealth implements HealthCheck {

  static final int UNHEALTHY_AFTER = 5;

  private volatile Result result = Result.degraded("the upstream has not been started");

  @Override
  public String name() {
    return "upstream";
  }

  @Override
  public Result check() {
    return result;
  }

  boolean up() {
    return result.status() == Status.HEALTHY;
  }

  /** Why the upstream cannot be used now (the check's message). */
  String reason() {
    return result.message();
  }

  void starting(String what) {
    result =
        Result.degraded(
            "starting " + what + "; not ready until it answers initialize and is listed");
  }

  void up(String summary) {
    result = Result.healthy(summary);
  }

  void down(String why, int failuresInARow, Duration retryIn) {
    String message =
        why
            + "; restarting in "
            + Math.max(1, retryIn.toSeconds())
            + " s ("
            + failuresInARow
            + (failuresInARow == 1 ? " failure" : " failures in a row")
            + ")";
    result =
        failuresInARow >= UNHEALTHY_AFTER ? Result.unhealthy(message) : Result.degraded(message);
  }

  void stopped() {
    result = Result.degraded("the upstream is stopped");
  }

  /** The manifest fronts no upstream (any more): nothing to wait for. */
  void idle() {
    result = Result.healthy("no upstream: the manifest declares its own items (spec.server)");
  }
}
