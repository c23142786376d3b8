package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.spec.ObservabilitySpec;
import dev.mcpfleet.api.spec.ObservabilitySpec.ServiceMonitorSpec;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.RenderInputs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A Prometheus Operator ServiceMonitor that scrapes /metrics on the Service's http port. It only
 * exists where the monitoring.coreos.com API is installed ({@link MonitoringApiInstalled}); where
 * it is not, the operator carries on and says so in the status.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.SELECTOR))
public class ServiceMonitorDependentResource extends McpServerDependentResource<ServiceMonitor> {

  public static final String NAME = "servicemonitor";

  public ServiceMonitorDependentResource() {
    super(ServiceMonitor.class);
  }

  @Override
  public ServiceMonitor desired(McpServer server, RenderInputs inputs) {
    ServiceMonitorSpec spec = spec(server);
    ObjectMeta metadata = metadata(server);
    if (spec != null && spec.labels() != null) {
      // The operator's labels win: the informer selects on them.
      spec.labels().forEach((k, v) -> metadata.getLabels().putIfAbsent(k, v));
    }
    String interval =
        spec != null && spec.interval() != null
            ? spec.interval()
            : Defaults.SCRAPE_INTERVAL.toSeconds() + "s";
    return new ServiceMonitorBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(ManagedLabels.selector(server))
        .endSelector()
        .addNewEndpoint()
        .withPort(ServiceDependentResource.PORT_NAME)
        .withPath(Defaults.METRICS_PATH)
        .withInterval(interval)
        .endEndpoint()
        .endSpec()
        .build();
  }

  static ServiceMonitorSpec spec(McpServer server) {
    ObservabilitySpec o = server.getSpec() == null ? null : server.getSpec().observability();
    return o == null ? null : o.serviceMonitor();
  }

  /** Wanted unless metrics or the ServiceMonitor are switched off. */
  public static class ServiceMonitorWanted extends SpecCondition<ServiceMonitor> {

    @Override
    public boolean holds(McpServer server) {
      ObservabilitySpec o = server.getSpec() == null ? null : server.getSpec().observability();
      boolean metrics = o == null || !Boolean.FALSE.equals(o.metrics());
      ServiceMonitorSpec spec = spec(server);
      return metrics && (spec == null || !Boolean.FALSE.equals(spec.enabled()));
    }

    /** The user asked for a ServiceMonitor in so many words, so its absence deserves a note. */
    public static boolean requested(McpServer server) {
      return spec(server) != null && new ServiceMonitorWanted().holds(server);
    }
  }

  /**
   * Activates the ServiceMonitor dependent only where the monitoring.coreos.com/v1 API serves
   * ServiceMonitors. It asks API discovery, which every authenticated client may read, so the
   * operator needs no cluster-wide right on CRDs. A present API is remembered; an absent one is
   * asked again after {@link #RECHECK}, so installing the Prometheus Operator later is noticed.
   */
  public static class MonitoringApiInstalled implements Condition<ServiceMonitor, McpServer> {

    static final Duration RECHECK = Duration.ofMinutes(1);
    private static final Object MISSING = MonitoringApiInstalled.class;

    private final Clock clock;
    private volatile boolean installed;
    private volatile Instant checkedAt = Instant.MIN;

    public MonitoringApiInstalled() {
      this(Clock.systemUTC());
    }

    MonitoringApiInstalled(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isMet(
        DependentResource<ServiceMonitor, McpServer> dependent,
        McpServer server,
        Context<McpServer> context) {
      boolean present = installed || ask(context);
      context
          .managedWorkflowAndDependentResourceContext()
          .put(MISSING, present ? null : Boolean.TRUE);
      return present;
    }

    /** True when this reconciliation found the monitoring API missing. */
    public static boolean missing(Context<McpServer> context) {
      return context
          .managedWorkflowAndDependentResourceContext()
          .get(MISSING, Boolean.class)
          .orElse(false);
    }

    private synchronized boolean ask(Context<McpServer> context) {
      Instant now = clock.instant();
      if (installed || now.isBefore(checkedAt.plus(RECHECK))) {
        return installed;
      }
      checkedAt = now;
      try {
        // The (apiVersion, kind) form always asks discovery; the class form may answer from a
        // client-side list of supported groups instead.
        installed =
            context
                .getClient()
                .supports(
                    HasMetadata.getApiVersion(ServiceMonitor.class),
                    HasMetadata.getKind(ServiceMonitor.class));
      } catch (KubernetesClientException e) {
        installed = false;
      }
      return installed;
    }
  }
}
