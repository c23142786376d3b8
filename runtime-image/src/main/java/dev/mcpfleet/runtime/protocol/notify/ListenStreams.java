package dev.mcpfleet.runtime.protocol.notify;

import dev.mcpfleet.runtime.transport.Exchange;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open 2026-07-28 {@code subscriptions/listen} streams and what each asked to hear. */
public final class ListenStreams {

  /**
   * One open stream.
   *
   * @param exchange the stream
   * @param subscriptionId tags every notification on it
   * @param tools wants notifications/tools/list_changed
   * @param prompts wants notifications/prompts/list_changed
   * @param resources wants notifications/resources/list_changed
   * @param resourceUris wants notifications/resources/updated for these URIs
   */
  public record Listener(
      Exchange exchange,
      String subscriptionId,
      boolean tools,
      boolean prompts,
      boolean resources,
      Set<String> resourceUris) {

    public Listener {
      resourceUris = Set.copyOf(resourceUris);
    }
  }

  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

  /** Registers {@code listener} until its stream closes. */
  public void add(Listener listener) {
    listeners.add(listener);
    listener.exchange().onAbort(() -> listeners.remove(listener));
  }

  public Iterable<Listener> all() {
    return listeners;
  }

  public int size() {
    return listeners.size();
  }

  /** Ends every stream (shutdown). */
  public void endAll() {
    listeners.forEach(l -> l.exchange().end());
    listeners.clear();
  }
}
