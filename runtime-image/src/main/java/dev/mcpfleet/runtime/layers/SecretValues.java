package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.runtime.security.ApiKeyStore;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The values the redactor masks: the server's Secret values and, with API keys, the current keys.
 * The union is built once per key rotation (the key store hands out a new set when its files
 * change), not on every call.
 */
final class SecretValues implements Supplier<Set<String>> {

  private record Union(Set<String> keys, Set<String> all) {}

  private final Set<String> fixed;
  private final ApiKeyStore apiKeys;
  private volatile Union union;

  /**
   * @param fixed the Secret values
   * @param apiKeys the API keys, or null when the server uses none
   */
  SecretValues(Set<String> fixed, ApiKeyStore apiKeys) {
    this.fixed = Set.copyOf(fixed);
    this.apiKeys = apiKeys;
    this.union = new Union(Set.of(), this.fixed);
  }

  @Override
  public Set<String> get() {
    if (apiKeys == null) {
      return fixed;
    }
    Set<String> keys = apiKeys.keyValues();
    Union current = union;
    if (current.keys() != keys) {
      Set<String> all = new HashSet<>(fixed);
      all.addAll(keys);
      current = new Union(keys, Set.copyOf(all));
      union = current;
    }
    return current.all();
  }
}
