package dev.mcpfleet.runtime.definition;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The definition being served now. A reload swaps in a new snapshot atomically, and listeners (the
 * protocol layer's list_changed notifications) learn which lists changed.
 */
public final class Definitions {

  /** Which lists differ between two snapshots. */
  public record Change(
      ServerDefinition previous,
      ServerDefinition current,
      boolean toolsChanged,
      boolean resourcesChanged,
      boolean promptsChanged) {}

  private final AtomicReference<ServerDefinition> current;
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

  public Definitions(ServerDefinition initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial));
  }

  /** The snapshot to serve this request from; read it once per request. */
  public ServerDefinition current() {
    return current.get();
  }

  /** Swaps in {@code next} and tells the listeners what changed. */
  public void replace(ServerDefinition next) {
    ServerDefinition previous = current.getAndSet(Objects.requireNonNull(next));
    Change change =
        new Change(
            previous,
            next,
            !descriptors(previous.tools(), next.tools()),
            !descriptors(previous.resources(), next.resources())
                || !descriptors(previous.resourceTemplates(), next.resourceTemplates()),
            !descriptors(previous.prompts(), next.prompts()));
    listeners.forEach(l -> l.accept(change));
  }

  /** Registers a listener for later swaps. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  private static boolean descriptors(List<?> a, List<?> b) {
    return a.stream()
        .map(Definitions::descriptor)
        .toList()
        .equals(b.stream().map(Definitions::descriptor).toList());
  }

  private static Object descriptor(Object item) {
    return switch (item) {
      case dev.mcpfleet.runtime.spi.McpTool t -> t.descriptor();
      case dev.mcpfleet.runtime.spi.McpResource r -> r.descriptor();
      case dev.mcpfleet.runtime.spi.McpResourceTemplate t -> t.descriptor();
      case dev.mcpfleet.runtime.spi.McpPrompt p -> p.descriptor();
      default -> item;
    };
  }
}
