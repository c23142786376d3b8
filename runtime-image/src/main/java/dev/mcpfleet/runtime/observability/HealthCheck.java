package dev.mcpfleet.runtime.observability;

import java.util.Locale;

/**
 * One check of {@code /health}: the definition, an upstream's breaker, the JWKS, the cache, Redis.
 * Checks read state the layers keep up to date; they must answer fast and never block on I/O.
 */
public interface HealthCheck {

  /** The guide's three states. */
  enum Status {
    HEALTHY,
    DEGRADED,
    UNHEALTHY;

    /** The state as written in JSON: healthy, degraded or unhealthy. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two states. */
    public Status worst(Status other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /** A check's answer: its state and a message a person can act on. */
  record Result(Status status, String message) {

    public static Result healthy(String message) {
      return new Result(Status.HEALTHY, message);
    }

    public static Result degraded(String message) {
      return new Result(Status.DEGRADED, message);
    }

    public static Result unhealthy(String message) {
      return new Result(Status.UNHEALTHY, message);
    }
  }

  /** A stable name, e.g. {@code definition}, {@code jwks}, {@code upstream:api.example.com}. */
  String name();

  /** The current state. */
  Result check();
}
