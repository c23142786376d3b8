package dev.mcpfleet.runtime.protocol;

/** One JSON-RPC method the server answers. */
public interface Method {

  /**
   * Answers the request: returns the result, or null when the method answered the exchange itself
   * (a stream). Throws {@link McpError} for protocol errors.
   */
  Result call(RequestContext ctx) throws Exception;

  /** Whether this call may block, so it must run on a virtual thread, not the event loop. */
  default boolean blocking(RequestContext ctx) {
    return false;
  }
}
