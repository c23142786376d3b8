package dev.mcpfleet.runtime.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import dev.mcpfleet.api.spec.ObservabilitySpec;
import dev.mcpfleet.runtime.security.AuditLog;
import java.util.Locale;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * How the runtime logs: JSON lines (one object per line, Logstash layout, MDC fields such as the
 * request id included) in containers, readable text on a laptop, at the manifest's level. The audit
 * logger ({@value AuditLog#LOGGER}) always writes JSON lines (the audit log serializes them), on
 * its own appender. Every line goes to standard output through one {@link LogSink}, which writes in
 * batches and never loses an audit line.
 *
 * <p>The format is, in order: {@code MCP_OBSERVABILITY_LOGFORMAT} (or its short form {@code
 * MCP_LOG_FORMAT}), the manifest's {@code observability.logFormat}, else JSON when running in a
 * Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} is set there) and text elsewhere. The level
 * likewise: {@code MCP_OBSERVABILITY_LOGLEVEL} / {@code MCP_LOG_LEVEL}, the manifest, else info.
 */
public final class Logging {

  /** Line formats. */
  public enum Format {
    JSON,
    TEXT
  }

  /**
   * A logging setup.
   *
   * @param format JSON or text lines
   * @param level the root level
   */
  public record Settings(Format format, Level level) {

    /** From the environment alone (before the manifest is read). */
    public static Settings fromEnvironment(Map<String, String> env) {
      return resolve(env, null);
    }

    /** From the environment, then the manifest's observability section, then the defaults. */
    public static Settings resolve(Map<String, String> env, ObservabilitySpec spec) {
      String format = first(env, "MCP_OBSERVABILITY_LOGFORMAT", "MCP_LOG_FORMAT");
      if (format == null && spec != null && spec.logFormat() != null) {
        format = spec.logFormat().name();
      }
      if (format == null) {
        format = env.containsKey("KUBERNETES_SERVICE_HOST") ? "json" : "text";
      }
      String level = first(env, "MCP_OBSERVABILITY_LOGLEVEL", "MCP_LOG_LEVEL");
      if (level == null && spec != null && spec.logLevel() != null) {
        level = spec.logLevel().name();
      }
      return new Settings(format(format), level == null ? Level.INFO : level(level));
    }

    private static String first(Map<String, String> env, String... names) {
      for (String name : names) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
          return value.trim();
        }
      }
      return null;
    }

    private static Format format(String text) {
      try {
        return Format.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "log format '" + text + "' is unknown; use json or text");
      }
    }

    private static Level level(String text) {
      Level level = Level.toLevel(text, null);
      if (level == null) {
        throw new IllegalArgumentException(
            "log level '" + text + "' is unknown; use trace, debug, info, warn or error");
      }
      return level;
    }
  }

  private Logging() {}

  /** Reconfigures the running Logback with {@code settings}. */
  public static void apply(Settings settings) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      configure(context, settings);
    }
  }

  /** Sets up {@code context}: one console appender in the chosen format, audit as JSON. */
  static void configure(LoggerContext context, Settings settings) {
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(
        console(
            context,
            "console",
            settings.format() == Format.JSON ? json(context) : text(context),
            false));
    root.setLevel(settings.level());

    ch.qos.logback.classic.Logger audit = context.getLogger(AuditLog.LOGGER);
    audit.detachAndStopAllAppenders();
    audit.setAdditive(false);
    audit.setLevel(Level.INFO);
    audit.addAppender(console(context, "audit", start(context, new JsonLineEncoder()), true));

    // Libraries chatter at debug; keep them at warn unless everything is traced.
    Level libraries = settings.level() == Level.TRACE ? Level.TRACE : Level.WARN;
    for (String noisy : new String[] {"io.netty", "io.lettuce", "reactor", "com.networknt"}) {
      context.getLogger(noisy).setLevel(libraries);
    }
  }

  /**
   * An appender to standard output through the batching {@link LogSink}, so that a slow log reader
   * never stalls an event loop while the sink's queue has room. When it is full, audit lines
   * ({@code keep}) wait for room, since none may be lost; other lines are dropped and counted.
   */
  private static LineAppender console(
      LoggerContext context, String name, Encoder<ILoggingEvent> encoder, boolean keep) {
    LineAppender appender = new LineAppender(encoder, LogSink.stdout(), keep);
    appender.setContext(context);
    appender.setName(name);
    appender.start();
    return appender;
  }

  /** Writes every log line queued so far to standard output (waits at most a few seconds). */
  public static void flush() {
    LogSink.stdout().flush(java.time.Duration.ofSeconds(5));
  }

  private static <E extends Encoder<ILoggingEvent>> E start(LoggerContext context, E encoder) {
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setIncludeMdc(true);
    encoder.setIncludeContext(false);
    return start(context, encoder);
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(
        "%d{HH:mm:ss.SSS} %-5level %logger{24} %X{requestId:-}%X{tool:+ }%X{tool:-} - %msg%n");
    return start(context, encoder);
  }
}
