package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one label set that MCP Fleet puts on every object it makes. Every dependent's informer
 * selects on {@link #SELECTOR}, so the operator only ever caches its own objects.
 */
public final class ManagedLabels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";

  /** The value of {@link #MANAGED_BY}. */
  public static final String OPERATOR = "mcp-fleet";

  /** The value of {@link #NAME}: what every managed object is part of. */
  public static final String APP = "mcp-server";

  /** The label selector of every informer of managed objects. */
  public static final String SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private ManagedLabels() {}

  /** All three labels for the objects of {@code server}. */
  public static Map<String, String> of(McpServer server) {
    Map<String, String> labels = new LinkedHashMap<>(selector(server));
    labels.put(MANAGED_BY, OPERATOR);
    return labels;
  }

  /** The labels that select the pods of {@code server} (Deployment, Service, PDB, policies). */
  public static Map<String, String> selector(McpServer server) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, server.getMetadata().getName());
    return labels;
  }

  /**
   * The McpServer that a labelled object (e.g. a pod, which has no owner reference to it) serves.
   */
  public static Optional<ResourceID> owner(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null
        || !OPERATOR.equals(labels.get(MANAGED_BY))
        || labels.get(INSTANCE) == null) {
      return Optional.empty();
    }
    return Optional.of(new ResourceID(labels.get(INSTANCE), object.getMetadata().getNamespace()));
  }
}
