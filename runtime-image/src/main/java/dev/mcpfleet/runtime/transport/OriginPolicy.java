package dev.mcpfleet.runtime.transport;

import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: which {@code Host} and {@code Origin} values may reach the MCP
 * endpoint. A browser page on a foreign site carries its own Origin, and a rebound DNS name arrives
 * as a foreign Host; both are refused (HTTP 403).
 *
 * @param hosts accepted host names without port (lower case), or {@code *}
 * @param origins accepted origins ({@code scheme://host[:port]}; without port any port), or {@code
 *     *}
 */
public record OriginPolicy(Set<String> hosts, Set<String> origins) {

  private static final String ANY = "*";

  public OriginPolicy {
    hosts =
        hosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    origins =
        origins.stream()
            .map(o -> o.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Why a request is refused, or null when its Host and Origin are acceptable. */
  public String refusal(String host, String origin) {
    if (!hosts.contains(ANY)) {
      if (host == null || host.isEmpty()) {
        return "The request has no Host header";
      }
      if (!hosts.contains(withoutPort(host.toLowerCase(Locale.ROOT)))) {
        return "Host '" + host + "' is not allowed here; add it to the runtime's allowed hosts";
      }
    }
    if (origin != null
        && !origins.contains(ANY)
        && !originAllowed(origin.toLowerCase(Locale.ROOT))) {
      return "Origin '" + origin + "' is not allowed here; add it to the runtime's allowed origins";
    }
    return null;
  }

  private boolean originAllowed(String origin) {
    if (origins.contains(origin)) {
      return true;
    }
    int schemeEnd = origin.indexOf("://");
    if (schemeEnd < 0) {
      return false;
    }
    String authority = origin.substring(schemeEnd + 3);
    return origins.contains(origin.substring(0, schemeEnd + 3) + withoutPort(authority));
  }

  /** {@code host:port} → host; {@code [::1]:8080} → {@code [::1]}. */
  static String withoutPort(String authority) {
    if (authority.startsWith("[")) {
      int end = authority.indexOf(']');
      return end < 0 ? authority : authority.substring(0, end + 1);
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }
}
