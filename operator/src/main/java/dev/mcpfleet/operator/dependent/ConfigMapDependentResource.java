package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The server definition that the runtime serves, mounted read-only at {@link Defaults#CONFIG_DIR}.
 * It holds no secret: values from Secrets reach the pod as environment variables.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class ConfigMapDependentResource extends McpServerDependentResource<ConfigMap> {

  public static final String NAME = "configmap";

  public ConfigMapDependentResource() {
    super(ConfigMap.class);
  }

  /** The ConfigMap's name: the server's, with a suffix so it never takes a user's ConfigMap. */
  public static String name(McpServer server) {
    return server.getMetadata().getName() + "-definition";
  }

  @Override
  public ConfigMap desired(McpServer server, RenderInputs inputs) {
    return new ConfigMapBuilder()
        .withMetadata(metadata(server, name(server)))
        .addToData(Defaults.CONFIG_FILE, RuntimeManifest.render(server))
        .build();
  }
}
