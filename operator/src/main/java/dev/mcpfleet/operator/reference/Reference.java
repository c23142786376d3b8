package dev.mcpfleet.operator.reference;

/**
 * A Secret or ConfigMap in the McpServer's namespace that the spec points at: one key of it, or the
 * whole object ({@code key} null, as for the API-key Secret or an envFrom source).
 *
 * @param field where in the manifest the reference is written, for messages that say what to fix
 * @param optional true when Kubernetes itself tolerates its absence (an {@code optional: true} env
 *     source); such a reference never blocks acceptance
 */
public record Reference(Kind kind, String name, String key, String field, boolean optional) {

  /** The kinds that references point at. */
  public enum Kind {
    SECRET("Secret"),
    CONFIG_MAP("ConfigMap");

    private final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }

    /** The Kubernetes kind, as users write it. */
    public String displayName() {
      return displayName;
    }
  }

  /** A reference to one key. */
  public static Reference key(Kind kind, String name, String key, String field) {
    return new Reference(kind, name, key, field, false);
  }

  /** A reference to a whole object. */
  public static Reference whole(Kind kind, String name, String field) {
    return new Reference(kind, name, null, field, false);
  }

  /** True when the reference is to the whole object rather than one key. */
  public boolean whole() {
    return key == null;
  }
}
