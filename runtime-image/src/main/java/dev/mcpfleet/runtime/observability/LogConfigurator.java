package dev.mcpfleet.runtime.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's entry point (found through {@link java.util.ServiceLoader}): sets up logging from the
 * environment as soon as the first logger is created, before the manifest is read. The runtime
 * applies the manifest's settings with {@link Logging#apply} once it has loaded it.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logging.configure(context, Logging.Settings.fromEnvironment(System.getenv()));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
