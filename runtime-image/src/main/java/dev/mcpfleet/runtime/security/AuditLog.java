package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.observability.RequestContextLayer;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The audit log: one JSON line per call and per refused use, on the logger {@value #LOGGER}, which
 * the runtime's logging configuration writes as JSON whatever the format of other lines, so it can
 * be shipped and kept separately. Argument values appear only when the manifest asks for them (they
 * may hold personal data), and pass through the redactor first.
 */
public final class AuditLog {

  public static final String LOGGER = "mcpfleet.audit";

  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

  private final boolean enabled;
  private final boolean includeArguments;
  private final Redactor redactor;

  public AuditLog(boolean enabled, boolean includeArguments, Redactor redactor) {
    this.enabled = enabled;
    this.includeArguments = includeArguments;
    this.redactor = redactor;
  }

  /** An audit log that writes nothing. */
  public static AuditLog off() {
    return new AuditLog(false, false, Redactor.none());
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * One call.
   *
   * @param outcome success, tool_error or error
   * @param code the guide's error code of a failed call, or null
   * @param arguments the call's arguments (logged only when enabled)
   */
  public void call(
      Caller caller,
      String requestId,
      String tool,
      String outcome,
      String code,
      long durationNanos,
      JsonNode arguments) {
    if (!enabled) {
      return;
    }
    Map<String, Object> line = head("tools/call", caller, requestId);
    line.put("tool", tool);
    line.put("outcome", outcome);
    if (code != null) {
      line.put("code", code);
    }
    line.put("durationMs", Math.round(durationNanos / 1e4) / 100.0);
    if (includeArguments && arguments != null) {
      line.put("arguments", redactor.redact(arguments));
    }
    AUDIT.info(Markers.appendEntries(line), "tool call");
  }

  /** One refused use of a tool, resource or prompt. */
  public void denied(
      Caller caller,
      String requestId,
      AccessPolicy.ItemKind kind,
      String name,
      String missingScope) {
    if (!enabled) {
      return;
    }
    Map<String, Object> line =
        head(
            switch (kind) {
              case TOOL -> "tools/call";
              case RESOURCE -> "resources/read";
              case PROMPT -> "prompts/get";
            },
            caller,
            requestId);
    line.put(
        kind == AccessPolicy.ItemKind.RESOURCE ? "uri" : kind.name().toLowerCase(Locale.ROOT),
        name);
    line.put("outcome", "denied");
    line.put("code", "ACCESS_DENIED");
    if (missingScope != null) {
      line.put("missingScope", missingScope);
    }
    AUDIT.info(Markers.appendEntries(line), "access denied");
  }

  private static Map<String, Object> head(String action, Caller caller, String requestId) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("audit", action);
    line.put("requestId", requestId);
    line.put("caller", caller.id());
    line.put("callerKind", caller.kind().name().toLowerCase(Locale.ROOT));
    String traceId = MDC.get(RequestContextLayer.TRACE_ID);
    if (traceId != null) {
      line.put("traceId", traceId);
    }
    return line;
  }
}
