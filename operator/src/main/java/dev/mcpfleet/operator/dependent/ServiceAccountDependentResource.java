package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The pods' own identity, with no API token mounted: the runtime never talks to the Kubernetes API,
 * so a stolen pod gets no credentials (guide: defense in depth).
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class ServiceAccountDependentResource extends McpServerDependentResource<ServiceAccount> {

  public static final String NAME = "serviceaccount";

  public ServiceAccountDependentResource() {
    super(ServiceAccount.class);
  }

  @Override
  public ServiceAccount desired(McpServer server, RenderInputs inputs) {
    return new ServiceAccountBuilder()
        .withMetadata(metadata(server))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
