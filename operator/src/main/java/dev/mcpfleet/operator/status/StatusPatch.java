package dev.mcpfleet.operator.status;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The object a status write sends: name, namespace and the complete status, nothing else. Under
 * server-side apply that makes the operator own exactly the status it computed.
 */
public final class StatusPatch {

  private StatusPatch() {}

  public static McpServer of(McpServer server, McpServerStatus status) {
    McpServer patch = new McpServer();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(server.getMetadata().getName())
            .withNamespace(server.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }
}
