package dev.mcpfleet.operator.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ServiceMonitor is optional: without the monitoring.coreos.com API the operator carries on and
 * says so in the status; with it, the ServiceMonitor is created.
 */
class ServiceMonitorOnMockApiServerTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String NS = TestServers.NAMESPACE;

  static MockApiServer api;

  @BeforeAll
  static void start() {
    api = MockApiServer.withMcpServerCrd();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void absentMonitoringApiIsANoteAndInstallingItBringsTheServiceMonitor() {
    try (FleetOperator first = FleetOperator.startOnMock(TestServers.config(), api.client())) {
      McpServer server =
          TestServers.helloWith("observability: {serviceMonitor: {labels: {release: prom}}}");
      server.getMetadata().setGeneration(null);
      api.client().resource(server).create();

      McpServer noted =
          await()
              .atMost(WAIT)
              .until(
                  () -> api.client().resource(server).get(),
                  s ->
                      s.getStatus() != null
                          && s.getStatus().condition(ConditionType.Ready) != null
                          && s.getStatus()
                              .condition(ConditionType.Ready)
                              .getMessage()
                              .contains("monitoring.coreos.com API"));
      assertThat(noted.getStatus().condition(ConditionType.Accepted).getStatus()).isEqualTo("True");
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.client().events().v1().events().inNamespace(NS).list().getItems().stream()
                      .filter(e -> e.getRegarding().getName().equals("hello"))
                      .toList(),
              events ->
                  events.stream()
                      .anyMatch(
                          e ->
                              e.getReason().equals("ServiceMonitorSkipped")
                                  && e.getType().equals("Warning")));
      assertThat(get(Deployment.class)).as("the rest is applied").isNotNull();
    }

    api.registerCrd("/crds/servicemonitors.monitoring.coreos.com.yml");
    try (FleetOperator second = FleetOperator.startOnMock(TestServers.config(), api.client())) {
      ServiceMonitor monitor =
          await().atMost(WAIT).until(() -> get(ServiceMonitor.class), m -> m != null);

      assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prom");
      assertThat(monitor.getMetadata().getOwnerReferences()).hasSize(1);
      await()
          .atMost(WAIT)
          .until(
              () -> api.client().resources(McpServer.class).inNamespace(NS).withName("hello").get(),
              s ->
                  !s.getStatus()
                      .condition(ConditionType.Ready)
                      .getMessage()
                      .contains("monitoring.coreos.com API"));
    }
  }

  static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type) {
    return api.client().resources(type).inNamespace(NS).withName("hello").get();
  }
}
