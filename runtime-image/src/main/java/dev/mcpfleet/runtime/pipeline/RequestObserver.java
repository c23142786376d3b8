package dev.mcpfleet.runtime.pipeline;

/**
 * Sees every MCP request once it is answered (metrics, request logs), and connections come and go.
 * Called on the event loop: must not block.
 */
public interface RequestObserver {

  /**
   * A request was answered.
   *
   * @param method the JSON-RPC method (or the HTTP method when no JSON-RPC was parsed)
   * @param outcome success, error (JSON-RPC or HTTP error) or tool_error (isError result)
   * @param nanos time from the request's arrival to its last byte written
   */
  default void answered(String method, String outcome, long nanos) {}

  /** A client connection opened (+1) or closed (-1). */
  default void connections(int delta) {}
}
