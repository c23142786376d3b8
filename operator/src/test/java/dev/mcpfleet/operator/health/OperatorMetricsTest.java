package dev.mcpfleet.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.ResourceAction;
import io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  private static final Map<String, Object> CONTROLLER =
      Map.of(Constants.CONTROLLER_NAME, "mcpserver");

  @Test
  void resourceEventsAndOtherEventsAreBothCountedInEventsReceived() {
    try (OperatorMetrics metrics = new OperatorMetrics()) {
      Metrics josdk = metrics.forOperator();
      ResourceID weather = new ResourceID("weather", "team-a");

      // A timer or dependent-resource event first, then a watch event on the McpServer: before,
      // the second registered with other tag keys and Prometheus refused it.
      josdk.eventReceived(new Event(weather), CONTROLLER);
      josdk.eventReceived(new ResourceEvent(ResourceAction.UPDATED, weather, null), CONTROLLER);

      assertThat(metrics.scrape())
          .containsPattern("events_received_total\\{[^}]*action=\"unknown\"[^}]*event=\"Event\"")
          .containsPattern(
              "events_received_total\\{[^}]*action=\"UPDATED\"[^}]*event=\"ResourceEvent\"");
    }
  }
}
