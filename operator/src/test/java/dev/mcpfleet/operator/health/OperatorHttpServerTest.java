package dev.mcpfleet.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorHttpServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final OperatorMetrics metrics = new OperatorMetrics();
  private OperatorHttpServer server;

  private HttpResponse<String> get(String path) throws Exception {
    if (server == null) {
      server = OperatorHttpServer.start(0, ready::get, metrics::scrape);
    }
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    metrics.close();
  }

  @Test
  void livenessIsOkWhileServing() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readinessFollowsTheOperator() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);

    ready.set(true);

    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void stoppingFailsBothProbes() throws Exception {
    ready.set(true);
    get("/healthz");

    server.stopping();

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsArePrometheusTextWithJvmAndOperatorMeters() throws Exception {
    metrics.forOperator();

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }
}
