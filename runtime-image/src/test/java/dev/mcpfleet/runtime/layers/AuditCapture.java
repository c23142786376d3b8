package dev.mcpfleet.runtime.layers;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.observability.JsonLineEncoder;
import dev.mcpfleet.runtime.security.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures the audit log's lines, as the JSON the runtime writes. */
public final class AuditCapture implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final JsonLineEncoder encoder = new JsonLineEncoder();

  public AuditCapture() {
    appender.setContext(logger.getLoggerContext());
    appender.start();
    encoder.setContext(logger.getLoggerContext());
    encoder.start();
    logger.addAppender(appender);
  }

  /** The lines written so far, parsed. */
  public List<JsonNode> lines() {
    return appender.list.stream()
        .map(e -> LayerFixtures.json(new String(encoder.encode(e), StandardCharsets.UTF_8)))
        .toList();
  }

  /** The raw text of the lines written so far. */
  public List<String> raw() {
    return appender.list.stream()
        .map(e -> new String(encoder.encode(e), StandardCharsets.UTF_8))
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
