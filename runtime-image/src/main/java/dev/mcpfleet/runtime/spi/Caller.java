package dev.mcpfleet.runtime.spi;

import java.util.Set;

/**
 * Who makes a request, as authentication established it.
 *
 * @param id a stable identifier for rate limits, caches and audit lines: the token subject, the API
 *     key's name, or {@code anonymous}
 * @param kind how the caller was authenticated
 * @param groups groups or roles from the token
 * @param scopes OAuth scopes from the token
 */
public record Caller(String id, Kind kind, Set<String> groups, Set<String> scopes) {

  /** How a caller was authenticated. */
  public enum Kind {
    /** A verified bearer JWT. */
    TOKEN,
    /** An API key from the server's Secret. */
    API_KEY,
    /** Authentication is off. */
    ANONYMOUS
  }

  /** The caller when authentication is off. */
  public static final Caller ANONYMOUS =
      new Caller("anonymous", Kind.ANONYMOUS, Set.of(), Set.of());

  public Caller {
    groups = Set.copyOf(groups);
    scopes = Set.copyOf(scopes);
  }
}
