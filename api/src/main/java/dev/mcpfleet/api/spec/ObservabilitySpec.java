package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/** Logs, metrics and scraping. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservabilitySpec(
    @JsonPropertyDescription("Log level: trace, debug, info, warn or error. Default: info.")
        LogLevel logLevel,
    @JsonPropertyDescription("json (one object per line) or text. Default: json.")
        LogFormat logFormat,
    @JsonPropertyDescription("Serve Prometheus metrics on /metrics. Default: true.")
        Boolean metrics,
    @JsonPropertyDescription(
            "A Prometheus Operator ServiceMonitor; created when its CRD is installed.")
        ServiceMonitorSpec serviceMonitor) {

  /** Log levels. */
  public enum LogLevel {
    @JsonProperty("trace")
    TRACE,
    @JsonProperty("debug")
    DEBUG,
    @JsonProperty("info")
    INFO,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("error")
    ERROR
  }

  /** Log line formats. */
  public enum LogFormat {
    @JsonProperty("json")
    JSON,
    @JsonProperty("text")
    TEXT
  }

  /** ServiceMonitor settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServiceMonitorSpec(
      @JsonPropertyDescription("false: no ServiceMonitor. Default: true.") Boolean enabled,
      @Pattern(Durations.PATTERN) @JsonPropertyDescription("Scrape interval. Default: 30s.")
          String interval,
      @JsonPropertyDescription("Extra labels, e.g. the release label your Prometheus selects.")
          Map<String, String> labels) {}
}
