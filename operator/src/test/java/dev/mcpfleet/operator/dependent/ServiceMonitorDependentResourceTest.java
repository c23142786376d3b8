package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.dependent.ServiceMonitorDependentResource.MonitoringApiInstalled;
import dev.mcpfleet.operator.dependent.ServiceMonitorDependentResource.ServiceMonitorWanted;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.DefaultManagedWorkflowAndDependentResourceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceMonitorDependentResourceTest {

  private final ServiceMonitorDependentResource dependent = new ServiceMonitorDependentResource();

  @Test
  void scrapesMetricsOnTheServicesHttpPortEveryThirtySeconds() {
    McpServer server = TestServers.parse(TestServers.HELLO);

    ServiceMonitor monitor = dependent.desired(server, TestServers.inputs());

    assertThat(monitor.getSpec().getSelector().getMatchLabels())
        .isEqualTo(ManagedLabels.selector(server));
    assertThat(monitor.getSpec().getEndpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getPort()).isEqualTo("http");
              assertThat(e.getPath()).isEqualTo("/metrics");
              assertThat(e.getInterval()).isEqualTo("30s");
            });
  }

  @Test
  void intervalAndExtraLabelsAreOverridableButNeverTheManagedLabels() {
    McpServer server =
        TestServers.helloWith(
            """
            observability:
              serviceMonitor:
                interval: 15s
                labels: {release: prometheus, app.kubernetes.io/managed-by: someone}
            """);

    ServiceMonitor monitor = dependent.desired(server, TestServers.inputs());

    assertThat(monitor.getSpec().getEndpoints().get(0).getInterval()).isEqualTo("15s");
    assertThat(monitor.getMetadata().getLabels())
        .containsEntry("release", "prometheus")
        .containsEntry(ManagedLabels.MANAGED_BY, ManagedLabels.OPERATOR);
  }

  @Test
  void wantedByDefaultButRequestedOnlyWhenConfigured() {
    McpServer plain = TestServers.parse(TestServers.HELLO);
    McpServer configured =
        TestServers.helloWith("observability: {serviceMonitor: {interval: 10s}}");

    assertThat(new ServiceMonitorWanted().holds(plain)).isTrue();
    assertThat(ServiceMonitorWanted.requested(plain)).isFalse();
    assertThat(ServiceMonitorWanted.requested(configured)).isTrue();
  }

  @Test
  void notWantedWhenMetricsOrTheMonitorAreSwitchedOff() {
    assertThat(
            new ServiceMonitorWanted()
                .holds(TestServers.helloWith("observability: {metrics: false}")))
        .isFalse();
    assertThat(
            new ServiceMonitorWanted()
                .holds(TestServers.helloWith("observability: {serviceMonitor: {enabled: false}}")))
        .isFalse();
  }

  @Test
  void monitoringApiFoundByDiscoveryIsRememberedForGood() {
    KubernetesClient client = mock(KubernetesClient.class);
    when(client.supports("monitoring.coreos.com/v1", "ServiceMonitor")).thenReturn(true);
    var clock = new MutableClock();
    var condition = new MonitoringApiInstalled(clock);
    McpServer server = TestServers.parse(TestServers.HELLO);

    boolean first = condition.isMet(dependent, server, context(client));
    clock.advanceSeconds(3600);
    boolean later = condition.isMet(dependent, server, context(client));

    assertThat(first).isTrue();
    assertThat(later).isTrue();
    verify(client, times(1)).supports("monitoring.coreos.com/v1", "ServiceMonitor");
  }

  @Test
  void missingMonitoringApiIsNotedAndAskedAgainAfterAMinute() {
    KubernetesClient client = mock(KubernetesClient.class);
    when(client.supports("monitoring.coreos.com/v1", "ServiceMonitor")).thenReturn(false, true);
    var clock = new MutableClock();
    var condition = new MonitoringApiInstalled(clock);
    McpServer server = TestServers.parse(TestServers.HELLO);
    Context<McpServer> context = context(client);

    assertThat(condition.isMet(dependent, server, context)).isFalse();
    assertThat(MonitoringApiInstalled.missing(context)).isTrue();
    clock.advanceSeconds(30);
    assertThat(condition.isMet(dependent, server, context(client))).isFalse();
    verify(client, times(1)).supports("monitoring.coreos.com/v1", "ServiceMonitor");

    clock.advanceSeconds(31);
    Context<McpServer> afterInstall = context(client);
    assertThat(condition.isMet(dependent, server, afterInstall)).isTrue();
    assertThat(MonitoringApiInstalled.missing(afterInstall)).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static Context<McpServer> context(KubernetesClient client) {
    Context<McpServer> context = mock(Context.class);
    when(context.getClient()).thenReturn(client);
    var workflowContext =
        new DefaultManagedWorkflowAndDependentResourceContext<McpServer>(null, null, context);
    when(context.managedWorkflowAndDependentResourceContext()).thenReturn(workflowContext);
    return context;
  }

  /** A clock that tests move forward. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void advanceSeconds(long seconds) {
      now.updateAndGet(i -> i.plusSeconds(seconds));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
