package dev.mcpfleet.operator.reference;

import java.util.Comparator;
import java.util.List;

/**
 * The pod-template annotation value that rolls the Deployment when anything the pods read changes:
 * the rendered server definition and the data of every referenced key (or whole object). It is a
 * digest of digests, so no value can be read back from it.
 */
public final class ConfigHash {

  /** The pod-template annotation that carries the hash. */
  public static final String ANNOTATION = "mcpfleet.dev/config-hash";

  private ConfigHash() {}

  public static String of(String definition, List<Reference> references, ReferencedData data) {
    StringBuilder input = new StringBuilder("definition=").append(Sha256.hex(definition));
    references.stream()
        .sorted(
            Comparator.comparing((Reference r) -> r.kind().name())
                .thenComparing(Reference::name)
                .thenComparing(r -> r.key() == null ? "" : r.key()))
        .map(r -> describe(r, data))
        .distinct()
        .forEach(line -> input.append('\n').append(line));
    return Sha256.hex(input.toString());
  }

  private static String describe(Reference ref, ReferencedData data) {
    String digest =
        data.find(ref.kind(), ref.name())
            .map(o -> ref.whole() ? o.digest() : o.digest(ref.key()))
            .orElse("absent");
    return ref.kind() + "/" + ref.name() + (ref.whole() ? "" : "/" + ref.key()) + "=" + digest;
  }
}
