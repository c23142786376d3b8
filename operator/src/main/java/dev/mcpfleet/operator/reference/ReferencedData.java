package dev.mcpfleet.operator.reference;

import dev.mcpfleet.operator.reference.Reference.Kind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The referenced Secrets and ConfigMaps that exist, as digests (see {@link ReferencedObject}). The
 * operator builds it from its informer caches; {@code render} and tests build it from objects in a
 * file, without a cluster.
 */
public final class ReferencedData {

  /** Marks an object of the operator's cache whose values were replaced by their digests. */
  static final String DIGESTS = "mcpfleet.dev/value-digests";

  private static final ReferencedData NONE = new ReferencedData(Map.of());

  private final Map<String, ReferencedObject> objects;

  private ReferencedData(Map<String, ReferencedObject> objects) {
    this.objects = Map.copyOf(objects);
  }

  /** No referenced object exists. */
  public static ReferencedData none() {
    return NONE;
  }

  /** The given objects exist (all in the McpServer's namespace). */
  public static ReferencedData of(Collection<Secret> secrets, Collection<ConfigMap> configMaps) {
    Map<String, ReferencedObject> objects = new HashMap<>();
    for (Secret secret : secrets) {
      ReferencedObject o = secret(secret);
      objects.put(id(o.kind(), o.name()), o);
    }
    for (ConfigMap configMap : configMaps) {
      ReferencedObject o = configMap(configMap);
      objects.put(id(o.kind(), o.name()), o);
    }
    return new ReferencedData(objects);
  }

  /** The object of that kind and name, if it exists. */
  public Optional<ReferencedObject> find(Kind kind, String name) {
    return Optional.ofNullable(objects.get(id(kind, name)));
  }

  private static String id(Kind kind, String name) {
    return kind + "/" + name;
  }

  /**
   * What the operator's cache keeps of a Secret: its identity and one digest per key, never a value
   * (so a heap holds no secret, and large Secrets such as Helm's release records cost a few bytes
   * per key). {@link #of} reads it back as the same digests.
   */
  public static Secret digested(Secret secret) {
    return new SecretBuilder()
        .withMetadata(identity(secret.getMetadata()))
        .withType(secret.getType())
        .withData(secret(secret).keyDigests())
        .build();
  }

  /** What the operator's cache keeps of a ConfigMap (see {@link #digested(Secret)}). */
  public static ConfigMap digested(ConfigMap configMap) {
    return new ConfigMapBuilder()
        .withMetadata(identity(configMap.getMetadata()))
        .withData(configMap(configMap).keyDigests())
        .build();
  }

  private static ObjectMeta identity(ObjectMeta metadata) {
    return new ObjectMetaBuilder()
        .withName(metadata.getName())
        .withNamespace(metadata.getNamespace())
        .withUid(metadata.getUid())
        .withResourceVersion(metadata.getResourceVersion())
        .withAnnotations(Map.of(DIGESTS, "sha256"))
        .build();
  }

  private static boolean isDigested(ObjectMeta metadata) {
    return metadata.getAnnotations() != null && metadata.getAnnotations().containsKey(DIGESTS);
  }

  private static ReferencedObject secret(Secret secret) {
    if (isDigested(secret.getMetadata())) {
      return new ReferencedObject(Kind.SECRET, secret.getMetadata().getName(), secret.getData());
    }
    // The API server turns stringData into data; a Secret read from a file may still carry it.
    Map<String, byte[]> values = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> values.put(k, decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> values.put(k, utf8(v)));
    }
    return ReferencedObject.of(Kind.SECRET, secret.getMetadata().getName(), values);
  }

  private static ReferencedObject configMap(ConfigMap configMap) {
    if (isDigested(configMap.getMetadata())) {
      return new ReferencedObject(
          Kind.CONFIG_MAP, configMap.getMetadata().getName(), configMap.getData());
    }
    Map<String, byte[]> values = new LinkedHashMap<>();
    if (configMap.getData() != null) {
      configMap.getData().forEach((k, v) -> values.put(k, utf8(v)));
    }
    if (configMap.getBinaryData() != null) {
      configMap.getBinaryData().forEach((k, v) -> values.put(k, decode(v)));
    }
    return ReferencedObject.of(Kind.CONFIG_MAP, configMap.getMetadata().getName(), values);
  }

  private static byte[] decode(String base64) {
    return base64 == null ? new byte[0] : Base64.getMimeDecoder().decode(base64);
  }

  private static byte[] utf8(String text) {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }
}
