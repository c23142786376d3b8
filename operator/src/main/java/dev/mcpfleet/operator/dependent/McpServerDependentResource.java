package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * An object that MCP Fleet derives from an McpServer. Subclasses say what the object should be in
 * {@link #desired(McpServer, RenderInputs)}, a pure function of the McpServer and the inputs, so
 * the operator and {@code mcp-fleet render} share one definition. Objects are owned by the
 * McpServer and removed by Kubernetes garbage collection.
 */
public abstract class McpServerDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, McpServer> {

  protected McpServerDependentResource(Class<R> type) {
    super(type);
  }

  @Override
  protected final R desired(McpServer primary, Context<McpServer> context) {
    return desired(primary, RenderInputs.from(context));
  }

  /** The object that should exist for {@code server}. */
  public abstract R desired(McpServer server, RenderInputs inputs);

  /** Name, namespace and the managed labels; owner references are added by the framework. */
  protected static ObjectMeta metadata(McpServer server, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(server.getMetadata().getNamespace())
        .withLabels(ManagedLabels.of(server))
        .build();
  }

  /** Metadata for the objects named after the server itself. */
  protected static ObjectMeta metadata(McpServer server) {
    return metadata(server, server.getMetadata().getName());
  }
}
