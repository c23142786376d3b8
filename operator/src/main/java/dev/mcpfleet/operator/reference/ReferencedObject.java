package dev.mcpfleet.operator.reference;

import dev.mcpfleet.operator.reference.Reference.Kind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the operator keeps of a referenced Secret or ConfigMap: its keys and a SHA-256 digest of
 * each value. The values themselves are never kept, so they cannot leak into objects, status or
 * logs.
 *
 * @param keyDigests hex SHA-256 of each key's value, by key
 */
public record ReferencedObject(Kind kind, String name, Map<String, String> keyDigests) {

  public ReferencedObject {
    keyDigests = Map.copyOf(keyDigests);
  }

  /** Builds the record from raw values (Secret values decoded), keeping only their digests. */
  public static ReferencedObject of(Kind kind, String name, Map<String, byte[]> values) {
    Map<String, String> digests = new TreeMap<>();
    values.forEach((key, value) -> digests.put(key, Sha256.hex(value)));
    return new ReferencedObject(kind, name, digests);
  }

  public Set<String> keys() {
    return keyDigests.keySet();
  }

  public boolean hasKey(String key) {
    return keyDigests.containsKey(key);
  }

  /** The digest of one key's value, or "absent". */
  public String digest(String key) {
    return keyDigests.getOrDefault(key, "absent");
  }

  /** One digest over every key and value, for references to the whole object. */
  public String digest() {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(keyDigests).forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
    return Sha256.hex(all.toString());
  }
}
