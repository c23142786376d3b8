package dev.mcpfleet.runtime.layers;

import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived resource built from its settings (a JWKS fetcher, a Redis link, the breakers),
 * kept across definition reloads while its settings stay equal and rebuilt, the old one closed,
 * when they change.
 */
final class Reusable<K, V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reusable.class);

  private K key;
  private V value;
  private boolean built;

  synchronized V get(K next, Function<K, V> build) {
    if (!built || !Objects.equals(key, next)) {
      V previous = value;
      value = next == null ? null : build.apply(next);
      key = next;
      built = true;
      closeQuietly(previous);
    }
    return value;
  }

  /** The current value, or null. */
  synchronized V current() {
    return value;
  }

  @Override
  public synchronized void close() {
    closeQuietly(value);
    value = null;
    built = false;
  }

  private static void closeQuietly(Object value) {
    if (value instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("closing {}: {}", value.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
