package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ServiceMonitor, alerts from the guide's KPIs, and the fleet's Grafana dashboard. */
class ChartMonitoringTest {

  static final RenderedChart MONITORED =
      HelmChart.render("serviceMonitor: {enabled: true}\nprometheusRule: {enabled: true}");

  @Test
  void prometheusOperatorObjectsAreOffByDefault() {
    RenderedChart chart = HelmChart.render("{}");

    assertThat(chart.all(ServiceMonitor.class)).isEmpty();
    assertThat(chart.all(PrometheusRule.class)).isEmpty();
  }

  @Test
  void serviceMonitorScrapesTheOperatorsMetricsService() {
    ServiceMonitor monitor = MONITORED.one(ServiceMonitor.class);
    Service service = MONITORED.one(Service.class);

    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(monitor.getSpec().getEndpoints())
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint.getPort())
                  .isEqualTo(service.getSpec().getPorts().getFirst().getName());
              assertThat(endpoint.getPath()).isEqualTo("/metrics");
            });
  }

  @Test
  void alertsFireOnTheGuidesKpiThresholds() {
    Map<String, String> alerts = alerts(MONITORED.one(PrometheusRule.class));

    assertThat(alerts)
        .containsOnlyKeys(
            "McpServerErrorRateHigh",
            "McpServerLatencyP95High",
            "McpServerLatencyP99High",
            "McpServerAvailabilityLow",
            "McpServerCircuitBreakerOpen");
    assertThat(alerts.get("McpServerErrorRateHigh")).endsWith("> 0.001");
    assertThat(alerts.get("McpServerLatencyP95High"))
        .contains("histogram_quantile(0.95")
        .endsWith("> 0.1");
    assertThat(alerts.get("McpServerLatencyP99High"))
        .contains("histogram_quantile(0.99")
        .endsWith("> 0.5");
    assertThat(alerts.get("McpServerAvailabilityLow")).endsWith("< 0.999");
    assertThat(alerts.get("McpServerCircuitBreakerOpen")).contains("state=\"open\"");
  }

  @Test
  void alertsReadTheRuntimesMetrics() {
    String rules =
        MONITORED.one(PrometheusRule.class).getSpec().getGroups().stream()
            .flatMap(g -> g.getRules().stream())
            .map(r -> r.getExpr().getStrVal())
            .collect(Collectors.joining("\n"));

    assertThat(rules)
        .contains("mcp_requests_total{status=~\"error|tool_error\"}")
        .contains("mcp_request_duration_seconds_bucket")
        .contains("resilience4j_circuitbreaker_state");
  }

  @Test
  void thresholdsAreValues() {
    Map<String, String> alerts =
        alerts(
            HelmChart.render(
                    "prometheusRule: {enabled: true, errorRatio: 0.01, latencyP95Seconds: 0.25}")
                .one(PrometheusRule.class));

    assertThat(alerts.get("McpServerErrorRateHigh")).endsWith("> 0.01");
    assertThat(alerts.get("McpServerLatencyP95High")).endsWith("> 0.25");
  }

  @Test
  void grafanaDashboardIsPickedUpByTheSidecarAndShowsTheFleet() throws IOException {
    ConfigMap dashboard = HelmChart.render("{}").one(ConfigMap.class);

    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("mcp-fleet.json"));
    List<String> titles = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    json.path("panels")
        .forEach(
            panel -> {
              titles.add(panel.path("title").asText());
              panel.path("targets").forEach(t -> queries.add(t.path("expr").asText()));
            });

    assertThat(json.path("title").asText()).isEqualTo("MCP Fleet");
    assertThat(titles)
        .contains(
            "Requests per McpServer",
            "Error ratio per McpServer",
            "Latency percentiles",
            "Active connections",
            "Replicas per McpServer",
            "Circuit breaker state");
    assertThat(String.join("\n", queries))
        .contains("mcp_requests_total")
        .contains("status=~\"error|tool_error\"")
        .contains("histogram_quantile(0.5,")
        .contains("histogram_quantile(0.95,")
        .contains("histogram_quantile(0.99,")
        .contains("mcp_active_connections")
        .contains("resilience4j_circuitbreaker_state");
  }

  @Test
  void grafanaDashboardCanGoToGrafanasNamespace() {
    ConfigMap dashboard =
        HelmChart.render("grafanaDashboard: {namespace: monitoring}").one(ConfigMap.class);

    assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("monitoring");
  }

  private static Map<String, String> alerts(PrometheusRule rule) {
    return rule.getSpec().getGroups().stream()
        .flatMap(g -> g.getRules().stream())
        .filter(r -> r.getAlert() != null)
        .collect(Collectors.toMap(Rule::getAlert, r -> r.getExpr().getStrVal().strip()));
  }
}
