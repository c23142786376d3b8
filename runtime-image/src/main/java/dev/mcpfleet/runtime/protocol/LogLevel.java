package dev.mcpfleet.runtime.protocol;

import java.util.Locale;

/** The syslog severities of MCP log messages, least severe first. */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  /** The wire name: debug, info, ... */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level named {@code wire}, or null when it names none. */
  public static LogLevel parse(String wire) {
    if (wire == null) {
      return null;
    }
    for (LogLevel level : values()) {
      if (level.wire().equals(wire)) {
        return level;
      }
    }
    return null;
  }

  /** Whether a message at {@code level} passes this threshold. */
  public boolean admits(LogLevel level) {
    return level.ordinal() >= ordinal();
  }
}
