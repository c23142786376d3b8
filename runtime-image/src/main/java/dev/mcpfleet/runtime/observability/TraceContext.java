package dev.mcpfleet.runtime.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context ({@code traceparent}: {@code 00-<trace-id>-<parent-id>-<flags>}). The runtime
 * accepts the caller's, logs its trace id on every line of the call, and hands upstream calls a
 * child: the same trace, a new span id. A missing or malformed header starts a new trace.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero
 * @param flags 2 hex digits ({@code 01} = sampled)
 */
public record TraceContext(String traceId, String spanId, String flags) {

  private static final Pattern TRACEPARENT =
      Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);

  /** The caller's context, or a new trace when {@code header} is absent or malformed. */
  public static TraceContext accept(String header) {
    if (header != null) {
      var m = TRACEPARENT.matcher(header.trim());
      // Version ff is invalid; future versions are read as version 00 (the spec's rule).
      if (m.matches()
          && !m.group(1).equals("ff")
          && (m.group(5) == null || !m.group(1).equals("00"))
          && !m.group(2).equals(ZERO_TRACE)
          && !m.group(3).equals(ZERO_SPAN)) {
        return new TraceContext(m.group(2), m.group(3), m.group(4));
      }
    }
    return new TraceContext(randomHex(16), randomHex(8), "01");
  }

  /** A span of this trace for a call made on its behalf. */
  public TraceContext child() {
    return new TraceContext(traceId, randomHex(8), flags);
  }

  /** The {@code traceparent} header value. */
  public String header() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(random);
    } while (allZero(random));
    return HexFormat.of().formatHex(random);
  }

  private static boolean allZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
