package dev.mcpfleet.api.validation;

import java.util.List;
import java.util.Locale;

/**
 * The egress allow-list of {@code network.egress.allowedHosts}: exact host names, or {@code
 * *.example.com} for any subdomain of example.com (not example.com itself). An absent list allows
 * every host.
 */
public final class EgressHosts {

  private EgressHosts() {}

  /** True when {@code host} may be called under {@code allowedHosts} (null: no list, all hosts). */
  public static boolean permits(List<String> allowedHosts, String host) {
    if (allowedHosts == null) {
      return true;
    }
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String allowed : allowedHosts) {
      String a = allowed.toLowerCase(Locale.ROOT);
      if (a.startsWith("*.")
          ? h.endsWith(a.substring(1)) && h.length() > a.length() - 1
          : h.equals(a)) {
        return true;
      }
    }
    return false;
  }
}
