package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.observability.RequestContextLayer;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.Caller;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The audit log: one JSON line per call and per refused use, on the logger {@value #LOGGER}, which
 * the runtime's logging configuration writes as it is whatever the format of other lines, so it can
 * be shipped and kept separately. Each line is serialized here, straight to text, with the fields
 * {@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, {@code audit} (the
 * action), {@code requestId}, {@code caller}, {@code callerKind}, {@code traceId}, then the
 * action's own. Argument values appear only when the manifest asks for them (they may hold personal
 * data), and pass through the redactor first.
 */
public final class AuditLog {

  public static final String LOGGER = "mcpfleet.audit";

  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

  private static final String[] CALLER_KINDS =
      java.util.Arrays.stream(Caller.Kind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

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
    if (!enabled || !AUDIT.isInfoEnabled()) {
      return;
    }
    AUDIT.info(
        line(
            "tool call",
            "tools/call",
            caller,
            requestId,
            g -> {
              g.writeStringField("tool", tool);
              g.writeStringField("outcome", outcome);
              if (code != null) {
                g.writeStringField("code", code);
              }
              g.writeFieldName("durationMs");
              g.writeNumber(milliseconds(durationNanos));
              if (includeArguments && arguments != null) {
                g.writeFieldName("arguments");
                g.writeTree(redactor.redact(arguments));
              }
            }));
  }

  /** One refused use of a tool, resource or prompt. */
  public void denied(
      Caller caller,
      String requestId,
      AccessPolicy.ItemKind kind,
      String name,
      String missingScope) {
    if (!enabled || !AUDIT.isInfoEnabled()) {
      return;
    }
    String action =
        switch (kind) {
          case TOOL -> "tools/call";
          case RESOURCE -> "resources/read";
          case PROMPT -> "prompts/get";
        };
    AUDIT.info(
        line(
            "access denied",
            action,
            caller,
            requestId,
            g -> {
              g.writeStringField(
                  kind == AccessPolicy.ItemKind.RESOURCE
                      ? "uri"
                      : kind.name().toLowerCase(Locale.ROOT),
                  name);
              g.writeStringField("outcome", "denied");
              g.writeStringField("code", "ACCESS_DENIED");
              if (missingScope != null) {
                g.writeStringField("missingScope", missingScope);
              }
            }));
  }

  /** {@code nanos} as milliseconds with two decimals ({@code 12.05}), without double formatting. */
  static String milliseconds(long nanos) {
    long hundredths = (Math.max(0, nanos) + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /**
   * One audit line: a complete JSON object written with Jackson's streaming generator (no map, no
   * marker), with the fields every line has, then {@code fields}.
   */
  private static String line(
      String message, String action, Caller caller, String requestId, Json.Writer fields) {
    StringWriter text = new StringWriter(320);
    try (JsonGenerator g = Json.FACTORY.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("@timestamp", AuditTimestamps.format(Instant.now()));
      g.writeStringField("level", "INFO");
      g.writeStringField("logger_name", LOGGER);
      g.writeStringField("message", message);
      g.writeStringField("audit", action);
      g.writeStringField("requestId", requestId);
      g.writeStringField("caller", caller.id());
      g.writeStringField("callerKind", CALLER_KINDS[caller.kind().ordinal()]);
      String traceId = MDC.get(RequestContextLayer.TRACE_ID);
      if (traceId != null) {
        g.writeStringField("traceId", traceId);
      }
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an audit line", e);
    }
    return text.toString();
  }
}
