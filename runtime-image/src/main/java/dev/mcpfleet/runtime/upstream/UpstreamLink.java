package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.CallContext;

/** How the items of a fronted server reach it. */
interface UpstreamLink {

  /**
   * Sends {@code method} to the upstream and waits for its result, relaying progress, log messages
   * and the server's questions to {@code context} (null: no client to relay to).
   *
   * @throws dev.mcpfleet.runtime.resilience.UpstreamUnavailableException when the upstream is not
   *     running or broke off (the guide's UPSTREAM_UNAVAILABLE, with when to retry)
   * @throws dev.mcpfleet.runtime.resilience.UpstreamTimeoutException when it did not answer in time
   * @throws UpstreamException when it answered with a JSON-RPC error
   */
  JsonNode request(String method, ObjectNode params, CallContext context) throws Exception;

  /** Whether the upstream declared {@code capability} (completions, logging, ...). */
  boolean offers(String capability);
}
