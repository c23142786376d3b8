package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.runtime.observability.HealthReport;
import dev.mcpfleet.runtime.observability.Metrics;
import dev.mcpfleet.runtime.security.ProtectedResourceMetadata;
import dev.mcpfleet.runtime.transport.HttpEndpoint;
import dev.mcpfleet.runtime.transport.HttpEndpoint.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoints beside {@code /mcp}: {@code /health} (liveness, the guide's report), {@code /ready}
 * (readiness), {@code /metrics} (Prometheus) and the OAuth protected-resource metadata at both
 * well-known paths (only in jwt mode; 404 otherwise).
 */
final class OpsEndpoints {

  private final RuntimeServices services;

  OpsEndpoints(RuntimeServices services) {
    this.services = services;
  }

  /** Every endpoint by path. */
  Map<String, HttpEndpoint> all() {
    Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>();
    endpoints.put(Defaults.HEALTH_PATH, request -> health());
    endpoints.put(Defaults.READY_PATH, request -> ready());
    endpoints.put(Defaults.METRICS_PATH, request -> metrics());
    endpoints.put(ProtectedResourceMetadata.WELL_KNOWN, request -> metadata(request.path()));
    endpoints.put(ProtectedResourceMetadata.WELL_KNOWN + "/*", request -> metadata(request.path()));
    return endpoints;
  }

  private Response health() {
    var report = services.health().run();
    return Response.json(HealthReport.httpStatus(report), report.toString());
  }

  private Response ready() {
    var readiness = services.readiness();
    return Response.json(readiness.ready() ? 200 : 503, readiness.report().toString());
  }

  private Response metrics() {
    if (!services.metricsOn()) {
      return Response.json(404, "{\"error\":\"metrics are off (observability.metrics: false)\"}");
    }
    return Response.text(200, Metrics.CONTENT_TYPE, services.metrics().scrape());
  }

  private Response metadata(String path) {
    ProtectedResourceMetadata metadata = services.metadata();
    if (metadata == null || !metadata.paths().contains(path)) {
      return Response.json(
          404, "{\"error\":\"this server does not use OAuth (security.auth.mode is not jwt)\"}");
    }
    return Response.json(200, metadata.document().toString());
  }
}
