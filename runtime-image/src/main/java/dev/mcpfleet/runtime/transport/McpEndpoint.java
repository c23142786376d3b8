package dev.mcpfleet.runtime.transport;

import io.netty.buffer.ByteBuf;

/**
 * The protocol layer as the transport sees it: what to do with an admitted request to the MCP
 * endpoint. Called on the connection's event loop; must not block.
 */
public interface McpEndpoint {

  /** A POST: {@code body} holds one JSON-RPC message or a batch (released by the caller). */
  void post(ByteBuf body, Exchange exchange);

  /** A GET: the legacy server-to-client stream. */
  void get(Exchange exchange);

  /** A DELETE: the end of a legacy session. */
  void delete(Exchange exchange);
}
