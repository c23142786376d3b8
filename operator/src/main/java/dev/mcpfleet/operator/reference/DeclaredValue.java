package dev.mcpfleet.operator.reference;

import dev.mcpfleet.api.spec.ValueSource;

/**
 * A value that the runtime reads from the environment variable {@link ValueSource#envName()}: a
 * header, the Redis URL or an upstream variable whose value lives in a Secret or ConfigMap.
 *
 * @param field where the manifest declares it
 */
public record DeclaredValue(ValueSource source, String field) {

  /** The reference this value needs. */
  public Reference reference() {
    ValueSource.KeyRef ref = source.ref();
    Reference.Kind kind = source.secret() ? Reference.Kind.SECRET : Reference.Kind.CONFIG_MAP;
    return Reference.key(kind, ref.name(), ref.key(), field);
  }
}
