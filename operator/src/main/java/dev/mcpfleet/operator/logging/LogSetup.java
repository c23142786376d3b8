package dev.mcpfleet.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.mcpfleet.operator.OperatorConfig;
import java.net.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to the configured format: one JSON object per line in containers (with the MDC
 * that JOSDK fills: resource name and namespace), readable text in a terminal.
 */
public final class LogSetup {

  static final String JSON_CONFIG = "/logback-json.xml";
  static final String TEXT_CONFIG = "/logback.xml";

  private LogSetup() {}

  public static void apply(OperatorConfig.LogFormat format, String level) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL config =
        LogSetup.class.getResource(
            format == OperatorConfig.LogFormat.JSON ? JSON_CONFIG : TEXT_CONFIG);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + config, e);
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
  }
}
