package dev.mcpfleet.runtime.declarative;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completion values declared in the manifest: per argument or variable, the candidates that start
 * with what the user typed (ignoring case), in declaration order.
 */
final class PrefixCompletions {

  private final Map<String, List<String>> candidates;

  PrefixCompletions(Map<String, List<String>> candidates) {
    this.candidates = Map.copyOf(candidates);
  }

  List<String> complete(String name, String prefix) {
    List<String> all = candidates.getOrDefault(name, List.of());
    if (prefix == null || prefix.isEmpty()) {
      return all;
    }
    String p = prefix.toLowerCase(Locale.ROOT);
    return all.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(p)).toList();
  }
}
