package dev.mcpfleet.operator.events;

import dev.mcpfleet.api.McpServer;
import java.util.List;

/** Where the reconciler reports what happened to an McpServer. */
@FunctionalInterface
public interface EventRecorder {

  /** Records the events in order; never throws (an event that cannot be written is dropped). */
  void record(McpServer server, List<McpServerEvent> events);
}
