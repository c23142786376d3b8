package dev.mcpfleet.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Test writes to objects that the operator (or a Kubernetes controller) writes at the same time.
 * fabric8's {@code edit} sends the resourceVersion it read, so a write that lands in between makes
 * the API server answer 409 Conflict; these edits then read the object again and re-apply the
 * change, as client-go's {@code RetryOnConflict} does. Any other error is thrown at once.
 */
public final class ConcurrentEdits<T extends HasMetadata> {

  static final int ATTEMPTS = 10;

  private final Resource<T> latest;

  private ConcurrentEdits(Resource<T> latest) {
    this.latest = latest;
  }

  /** Edits of the named object, each applied to the version the API server holds at the time. */
  public static <T extends HasMetadata> ConcurrentEdits<T> of(
      KubernetesClient client, Class<T> type, String namespace, String name) {
    return new ConcurrentEdits<>(client.resources(type).inNamespace(namespace).withName(name));
  }

  /** Applies {@code change} to the latest version of the object, retrying on conflicts. */
  public T edit(UnaryOperator<T> change) {
    return retryOnConflict(() -> latest.edit(change));
  }

  /** Applies {@code change} to the latest status of the object, retrying on conflicts. */
  public T editStatus(UnaryOperator<T> change) {
    return retryOnConflict(() -> latest.editStatus(change));
  }

  static <R> R retryOnConflict(Supplier<R> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
          throw e;
        }
        pause(25L * attempt);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a conflicting write", e);
    }
  }
}
