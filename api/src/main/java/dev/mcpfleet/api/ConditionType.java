package dev.mcpfleet.api;

/** The condition types that an McpServer's status carries; the set is small on purpose. */
public enum ConditionType {
  /** The spec is valid and every reference (Secrets, ConfigMaps) resolves. */
  Accepted,
  /** Enough replicas are ready to serve. */
  Available,
  /** A rollout is under way. */
  Progressing,
  /** Something is wrong that users must see and fix. */
  Degraded,
  /** The summary: accepted, available and not degraded. */
  Ready
}
