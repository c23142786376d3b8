package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The stable in-cluster address of the server: {@code <name>.<namespace>.svc:8080}. */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class ServiceDependentResource extends McpServerDependentResource<Service> {

  public static final String NAME = "service";

  /** The port's name, which the ServiceMonitor refers to. */
  public static final String PORT_NAME = "http";

  public ServiceDependentResource() {
    super(Service.class);
  }

  @Override
  public Service desired(McpServer server, RenderInputs inputs) {
    return new ServiceBuilder()
        .withMetadata(metadata(server))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(ManagedLabels.selector(server))
        .addNewPort()
        .withName(PORT_NAME)
        .withProtocol("TCP")
        .withPort(Defaults.PORT)
        .withTargetPort(new IntOrString(Defaults.PORT))
        .endPort()
        .endSpec()
        .build();
  }
}
