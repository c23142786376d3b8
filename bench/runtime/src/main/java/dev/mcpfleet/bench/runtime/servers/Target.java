package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.common.ChildProcess;
import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;

/**
 * A server in the comparison: what it is, the request it gets, and how to start it.
 *
 * @param name short name in the tables, e.g. {@code runtime-text}
 * @param role what the figure is compared as
 * @param shape the protocol era of its requests
 * @param call the tool call it answers
 * @param starter starts it as its own process on a given port
 */
public record Target(String name, Role role, RequestShape shape, ToolCall call, Starter starter) {

  /** What a target stands for in the comparison. */
  public enum Role {
    /** A server that answers fixed bytes: the limit of the machine for the request shape. */
    BASELINE,
    /** An official MCP SDK server. */
    SDK,
    /** MCP Fleet's runtime. */
    RUNTIME
  }

  /** Starts a target's process. */
  @FunctionalInterface
  public interface Starter {
    /** Starts the server listening on 127.0.0.1:{@code port} at path {@code /mcp}. */
    ChildProcess start(int port);
  }

  /** The MCP endpoint on {@code port}. */
  public static String url(int port) {
    return "http://127.0.0.1:" + port + "/mcp";
  }
}
