package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * How JSON-RPC messages travel between the runtime (the client) and a fronted MCP server: the lines
 * of a child process's stdin and stdout, or Streamable HTTP requests to a sidecar.
 */
interface UpstreamTransport extends AutoCloseable {

  /** Where the server's messages go. */
  interface Inbound {

    /** One message from the server: a response, a notification or a request to the client. */
    void message(JsonNode message);

    /** The transport ended for good (the process exited, the session expired); said once. */
    void closed(String why);
  }

  /**
   * Starts the transport; the server's messages that belong to no request of ours go to {@code
   * inbound}, and so does the end of the transport.
   */
  void start(Inbound inbound) throws IOException;

  /**
   * Sends a request. The server's messages tied to it (notifications, requests to the client and
   * the response) go to {@code related} where the transport can tell (HTTP: the request's own
   * stream), to the start's inbound otherwise (stdio). A failure of this one exchange (the server
   * unreachable, its stream broken) is told to {@code related} as {@link Inbound#closed}.
   *
   * @return stops listening for this request's messages (it was cancelled or has its answer)
   * @throws IOException when the request could not be sent at all
   */
  Runnable request(ObjectNode request, Inbound related) throws IOException;

  /** Sends a notification, or the response to a request of the server. */
  void send(ObjectNode message) throws IOException;

  /**
   * Whether the server's messages arrive tied to the request they belong to. When they do not
   * (stdio), the session attributes them itself.
   */
  boolean relatesMessages();

  /** The handshake is done: later requests speak {@code protocolVersion}. */
  default void initialized(String protocolVersion) {}

  /** What this transport reaches, for logs and health messages (never a secret). */
  String describe();

  /** Stops the transport: ends the process or the HTTP session. Idempotent. */
  @Override
  void close();
}
