package dev.mcpfleet.operator.reference;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.function.UnaryOperator;

/**
 * The informer store of referenced Secrets and ConfigMaps: it keeps each object as {@link
 * ReferencedData#digested} makes it, so the operator's memory holds digests, not the values of
 * every Secret and ConfigMap in the namespaces it watches.
 */
final class DigestingStore<R extends HasMetadata> extends BasicItemStore<R> {

  private final UnaryOperator<R> digest;

  DigestingStore(UnaryOperator<R> digest) {
    super(Cache::metaNamespaceKeyFunc);
    this.digest = digest;
  }

  @Override
  public R put(String key, R object) {
    return super.put(key, digest.apply(object));
  }
}
