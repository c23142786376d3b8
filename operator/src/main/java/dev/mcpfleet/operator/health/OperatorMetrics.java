package dev.mcpfleet.operator.health;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The operator's Prometheus registry: JOSDK's reconciliation metrics (MicrometerMetricsV2, tagged
 * by controller, never by resource) and the JVM's memory, GC, thread, class-loading, CPU and uptime
 * metrics.
 */
public final class OperatorMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * JOSDK 5.3.2 tags {@code events.received} with {@code action} for resource events only, and a
   * Prometheus registry refuses a second set of tag keys for one name: whichever kind of event came
   * second was never counted. Events without an action get {@code action="unknown"}, the value
   * later JOSDK versions give them, so both kinds share one metric.
   */
  static final MeterFilter EVENTS_RECEIVED_ACTION =
      new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
          if (id.getName().equals("events.received") && id.getTag("action") == null) {
            return id.withTag(Tag.of("action", "unknown"));
          }
          return id;
        }
      };

  public OperatorMetrics() {
    registry.config().meterFilter(EVENTS_RECEIVED_ACTION);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The JOSDK metrics to hand to the operator. */
  public Metrics forOperator() {
    return MicrometerMetricsV2.newBuilder(registry).build();
  }

  /** The current values in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
