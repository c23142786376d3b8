package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.protocol.McpError;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads, prompt expansions and completions forwarded to the upstream, and how their failures reach
 * the client: what the upstream refuses stays the client's problem (not found, invalid params);
 * anything else is a protocol error that says what went wrong upstream.
 */
final class UpstreamReads {

  private UpstreamReads() {}

  /** resources/read; empty when the upstream has no such resource. */
  static List<ResourceContents> read(UpstreamLink link, String uri, CallContext context) {
    try {
      return WireResults.contents(
          link.request("resources/read", Json.object().put("uri", uri), context));
    } catch (UpstreamException e) {
      if (e.refusedRequest()) {
        return List.of();
      }
      throw McpError.internal(e.getMessage());
    } catch (McpError | CallContext.InputRequiredSignal e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw McpError.internal("the read was cancelled");
    } catch (Exception e) {
      throw McpError.internal(e.getMessage());
    }
  }

  /** prompts/get; an argument the upstream refuses is the client's error. */
  static JsonNode prompt(
      UpstreamLink link, String name, Map<String, String> arguments, CallContext context)
      throws Exception {
    ObjectNode params = Json.object().put("name", name);
    ObjectNode args = params.putObject("arguments");
    arguments.forEach(args::put);
    try {
      return link.request("prompts/get", params, context);
    } catch (UpstreamException e) {
      if (e.refusedRequest()) {
        throw new IllegalArgumentException(e.getMessage());
      }
      throw McpError.internal(e.getMessage());
    } catch (dev.mcpfleet.runtime.resilience.UpstreamUnavailableException
        | dev.mcpfleet.runtime.resilience.UpstreamTimeoutException e) {
      throw McpError.internal(e.getMessage());
    }
  }

  /**
   * completion/complete for {@code ref}; no values when the upstream offers no completions or
   * cannot answer (completions are a convenience, never worth an error).
   */
  static List<String> complete(
      UpstreamLink link,
      ObjectNode ref,
      String argument,
      String prefix,
      Map<String, String> given) {
    if (!link.offers("completions")) {
      return List.of();
    }
    ObjectNode params = Json.object();
    params.set("ref", ref);
    params.putObject("argument").put("name", argument).put("value", prefix);
    if (!given.isEmpty()) {
      ObjectNode context = params.putObject("context").putObject("arguments");
      given.forEach(context::put);
    }
    List<String> values = new ArrayList<>();
    try {
      link.request("completion/complete", params, null)
          .path("completion")
          .path("values")
          .forEach(v -> values.add(v.asText()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      return List.of();
    }
    return values;
  }
}
