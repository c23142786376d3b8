package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.mcpfleet.operator.logging.LogSetup;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {

  private static ConsoleAppender<?> console() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    return (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
  }

  @AfterEach
  void restore() {
    LogSetup.apply(OperatorConfig.LogFormat.TEXT, "warn");
  }

  @Test
  void jsonFormatWritesLogstashJsonLines() {
    LogSetup.apply(OperatorConfig.LogFormat.JSON, "debug");

    assertThat(console().getEncoder()).isInstanceOf(LogstashEncoder.class);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void textFormatWritesReadableLines() {
    LogSetup.apply(OperatorConfig.LogFormat.TEXT, "info");

    assertThat(console().getEncoder()).isInstanceOf(LayoutWrappingEncoder.class);
  }
}
