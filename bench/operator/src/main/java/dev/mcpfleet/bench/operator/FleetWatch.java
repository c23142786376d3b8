package dev.mcpfleet.bench.operator;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the fleet from the API server's side, as a user would: the McpServers and every kind of
 * object the operator makes for them (by the managed-by label). The fleet has converged when every
 * McpServer reports Accepted=True and every kind has one object per McpServer.
 */
final class FleetWatch implements AutoCloseable {

  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final int size;
  private final SharedIndexInformer<McpServer> servers;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> children =
      new LinkedHashMap<>();

  FleetWatch(KubernetesClient client, Fleet fleet) {
    this.size = fleet.size();
    this.servers = client.resources(McpServer.class).inAnyNamespace().inform();
    for (Class<? extends HasMetadata> kind : fleet.childKinds()) {
      children.put(
          kind.getSimpleName(),
          client
              .resources(kind)
              .inAnyNamespace()
              .withLabel(ManagedLabels.MANAGED_BY, "mcp-fleet")
              .inform());
    }
  }

  /** McpServers whose status says Accepted=True. */
  int accepted() {
    int accepted = 0;
    for (McpServer server : servers.getStore().list()) {
      var status = server.getStatus();
      var condition = status == null ? null : status.condition(ConditionType.Accepted);
      if (condition != null && "True".equals(condition.getStatus())) {
        accepted++;
      }
    }
    return accepted;
  }

  boolean converged() {
    return accepted() == size
        && children.values().stream().allMatch(i -> i.getStore().list().size() == size);
  }

  /** What is still missing, for messages: e.g. "accepted 990/1000, Deployment 998/1000". */
  String progress() {
    List<String> parts = new ArrayList<>();
    parts.add("accepted " + accepted() + "/" + size);
    children.forEach((kind, i) -> parts.add(kind + " " + i.getStore().list().size() + "/" + size));
    return String.join(", ", parts);
  }

  /**
   * Waits until converged, checking every few milliseconds.
   *
   * @return the wall-clock time (epoch ms) convergence was first seen
   * @throws IllegalStateException after {@code timeout}, saying what is missing
   */
  long awaitConverged(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
    while (!converged()) {
      if (System.nanoTime() > nextReport) {
        System.out.println("   " + progress());
        nextReport += REPORT_EVERY.toNanos();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the fleet did not converge within " + timeout + ": " + progress());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return System.currentTimeMillis();
  }

  @Override
  public void close() {
    servers.close();
    children.values().forEach(SharedIndexInformer::close);
  }
}
