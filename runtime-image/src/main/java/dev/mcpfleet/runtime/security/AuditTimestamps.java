package dev.mcpfleet.runtime.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Audit timestamps in ISO-8601 UTC with milliseconds ({@code 2026-11-26T17:16:53.905Z}), formatted
 * cheaply: the date and time of day are formatted once per second and reused, since a busy server
 * writes thousands of lines within the same second.
 */
final class AuditTimestamps {

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private AuditTimestamps() {}

  static String format(Instant instant) {
    Second second = last;
    if (second.epochSecond() != instant.getEpochSecond()) {
      second = new Second(instant.getEpochSecond(), SECOND.format(instant));
      last = second;
    }
    int millis = instant.getNano() / 1_000_000;
    StringBuilder text = new StringBuilder(24).append(second.text()).append('.');
    if (millis < 100) {
      text.append(millis < 10 ? "00" : "0");
    }
    return text.append(millis).append('Z').toString();
  }
}
