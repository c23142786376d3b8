package dev.mcpfleet.runtime.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
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
 * logger ({@value AuditLog#LOGGER}) always writes JSON lines, on its own appender.
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
            settings.format() == Format.JSON ? json(context, true) : text(context)));
    root.setLevel(settings.level());

    ch.qos.logback.classic.Logger audit = context.getLogger(AuditLog.LOGGER);
    audit.detachAndStopAllAppenders();
    audit.setAdditive(false);
    audit.setLevel(Level.INFO);
    audit.addAppender(console(context, "audit", json(context, false)));

    // Libraries chatter at debug; keep them at warn unless everything is traced.
    Level libraries = settings.level() == Level.TRACE ? Level.TRACE : Level.WARN;
    for (String noisy : new String[] {"io.netty", "io.lettuce", "reactor", "com.networknt"}) {
      context.getLogger(noisy).setLevel(libraries);
    }
  }

  /**
   * A console appender behind a queue, so that a slow log reader never stalls an event loop. The
   * queue drops nothing (audit lines must not be lost): when it is full, the writer waits.
   */
  private static AsyncAppender console(
      LoggerContext context, String name, Encoder<ILoggingEvent> encoder) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(name + "-console");
    console.setEncoder(encoder);
    console.start();
    AsyncAppender queued = new AsyncAppender();
    queued.setContext(context);
    queued.setName(name);
    queued.setQueueSize(8192);
    queued.setDiscardingThreshold(0);
    queued.setNeverBlock(false);
    queued.setIncludeCallerData(false);
    queued.addAppender(console);
    queued.start();
    return queued;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context, boolean includeMdc) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setIncludeMdc(includeMdc);
    encoder.setIncludeContext(false);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(
        "%d{HH:mm:ss.SSS} %-5level %logger{24} %X{requestId:-}%X{tool:+ }%X{tool:-} - %msg%n");
    encoder.start();
    return encoder;
  }
}
