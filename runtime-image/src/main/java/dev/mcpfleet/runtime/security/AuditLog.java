package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.observability.JsonLine;
import dev.mcpfleet.runtime.observability.RequestContextLayer;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.Caller;
import java.io.IOException;
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

  // The names and the fixed values of every line, quoted and encoded once (Jackson keeps their
  // UTF-8
  // bytes), so that a line costs encoding only its own values.
  private static final SerializedString[] CALLER_KINDS =
      java.util.Arrays.stream(Caller.Kind.values())
          .map(k -> new SerializedString(k.name().toLowerCase(Locale.ROOT)))
          .toArray(SerializedString[]::new);
  private static final SerializedString TIMESTAMP = new SerializedString("@timestamp");
  private static final SerializedString LEVEL = new SerializedString("level");
  private static final SerializedString INFO = new SerializedString("INFO");
  private static final SerializedString LOGGER_NAME = new SerializedString("logger_name");
  private static final SerializedString AUDIT_LOGGER = new SerializedString(LOGGER);
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString AUDIT_ACTION = new SerializedString("audit");
  private static final SerializedString REQUEST_ID = new SerializedString("requestId");
  private static final SerializedString CALLER = new SerializedString("caller");
  private static final SerializedString CALLER_KIND = new SerializedString("callerKind");
  private static final SerializedString TRACE_ID = new SerializedString("traceId");
  private static final SerializedString TOOL = new SerializedString("tool");
  private static final SerializedString OUTCOME = new SerializedString("outcome");
  private static final SerializedString CODE = new SerializedString("code");
  private static final SerializedString DURATION_MS = new SerializedString("durationMs");
  private static final SerializedString TOOL_CALL = new SerializedString("tool call");
  private static final SerializedString ACCESS_DENIED = new SerializedString("access denied");
  private static final SerializedString TOOLS_CALL = new SerializedString("tools/call");
  private static final SerializedString RESOURCES_READ = new SerializedString("resources/read");
  private static final SerializedString PROMPTS_GET = new SerializedString("prompts/get");

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
        "{}",
        line(
            TOOL_CALL,
            TOOLS_CALL,
            caller,
            requestId,
            g -> {
              field(g, TOOL, tool);
              field(g, OUTCOME, outcome);
              if (code != null) {
                field(g, CODE, code);
              }
              g.writeFieldName(DURATION_MS);
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
    SerializedString action =
        switch (kind) {
          case TOOL -> TOOLS_CALL;
          case RESOURCE -> RESOURCES_READ;
          case PROMPT -> PROMPTS_GET;
        };
    AUDIT.info(
        "{}",
        line(
            ACCESS_DENIED,
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
   * marker) straight to UTF-8 bytes (no text, then bytes of it), with the fields every line has,
   * then {@code fields}.
   */
  private static JsonLine line(
      SerializedString message,
      SerializedString action,
      Caller caller,
      String requestId,
      Json.Writer fields) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(384);
    try (JsonGenerator g = Json.FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      field(g, TIMESTAMP, AuditTimestamps.format(Instant.now()));
      field(g, LEVEL, INFO);
      field(g, LOGGER_NAME, AUDIT_LOGGER);
      field(g, MESSAGE, message);
      field(g, AUDIT_ACTION, action);
      field(g, REQUEST_ID, requestId);
      field(g, CALLER, caller.id());
      field(g, CALLER_KIND, CALLER_KINDS[caller.kind().ordinal()]);
      String traceId = MDC.get(RequestContextLayer.TRACE_ID);
      if (traceId != null) {
        field(g, TRACE_ID, traceId);
      }
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an audit line", e);
    }
    bytes.write('\n');
    return new JsonLine(bytes.toByteArray());
  }

  private static void field(JsonGenerator g, SerializedString name, String value)
      throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  private static void field(JsonGenerator g, SerializedString name, SerializedString value)
      throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }
}
