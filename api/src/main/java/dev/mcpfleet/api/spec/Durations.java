package dev.mcpfleet.api.spec;

import java.time.Duration;
import java.util.regex.Matcher;

/** Durations in the manifest's notation: "500ms", "30s", "5m", "1h", or sums such as "1m30s". */
public final class Durations {

  /** The CRD pattern of a duration string. */
  public static final String PATTERN = "^([0-9]+(ms|s|m|h))+$";

  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h)");
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile(PATTERN);

  private Durations() {}

  /**
   * Parses a duration, or returns {@code fallback} when {@code text} is null.
   *
   * @throws IllegalArgumentException when the text is not in the manifest's notation
   */
  public static Duration parse(String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    if (!WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write it like 500ms, 30s, 5m, 1h or 1m30s");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
    }
    return total;
  }
}
