package dev.mcpfleet.e2e.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.e2e.helm.HelmChart;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.RuntimeImage;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.e2e.support.SampleRewrite;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.e2e.support.StubApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's alerts and dashboard read series the runtime really exposes: every metric they name
 * is on a running runtime's /metrics after it served a call through an upstream (so requests,
 * latency, connections and the upstream's circuit breaker all exist).
 */
class MetricsContractTest {

  private static final Pattern METRIC = Pattern.compile("\\b((?:mcp|resilience4j)_[a-z_]+)");

  @Test
  void everyMetricTheChartQueriesIsOneTheRuntimeExposes(@TempDir Path pod) throws Exception {
    Set<String> queried = queriedMetrics();
    String scrape;
    try (StubApi github = new StubApi()) {
      github.json("GET", "/repos/octo/app/issues/1", 200, "{\"title\":\"A bug\"}");
      Path definition = pod.resolve("mcpserver.yaml");
      Files.writeString(
          definition,
          new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .writeValueAsString(
                  SampleRewrite.toStub(Samples.named("github-issues.yaml"), github)));
      try (RuntimeProcess runtime =
              RuntimeProcess.start(
                  RuntimeImage.serving(definition),
                  Map.of("MCP_SECRET_GITHUB_TOKEN_TOKEN", "t"),
                  pod);
          McpSyncClient client = McpClients.connect(runtime.mcpUrl(), null)) {
        client.callTool(
            new McpSchema.CallToolRequest(
                "get_issue", Map.of("owner", "octo", "repo", "app", "number", 1)));
        scrape = get(runtime.baseUrl().resolve("/metrics"));
      }
    }
    Set<String> exposed =
        scrape
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.split("[{ ]", 2)[0])
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(queried).isNotEmpty();
    assertThat(queried)
        .allSatisfy(metric -> assertThat(exposed).as("runtime /metrics").contains(metric));
    assertThat(scrape).contains("resilience4j_circuitbreaker_state{").contains("state=\"open\"");
  }

  /** The metric names in the PrometheusRule's expressions and the dashboard's queries. */
  private static Set<String> queriedMetrics() {
    var chart = HelmChart.render("prometheusRule: {enabled: true}");
    String expressions =
        chart.one(PrometheusRule.class).getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream())
                .map(r -> r.getExpr().getStrVal())
                .collect(Collectors.joining("\n"))
            + chart.one(ConfigMap.class).getData().get("mcp-fleet.json");
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(expressions);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String get(URI url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}
