package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a tool, resource or prompt may do while it runs, whichever protocol revision the client
 * speaks. Every method is safe to call from the virtual thread running the item.
 */
public interface CallContext {

  /** Who is calling (anonymous when authentication is off). */
  Caller caller();

  /** The request's id for logs and audit lines (not the JSON-RPC id). */
  String requestId();

  /**
   * Reports progress when the client asked for it (a progress token); otherwise does nothing.
   * {@code progress} must increase from call to call.
   */
  void progress(double progress, Double total, String message);

  /**
   * Sends a log message to the client (notifications/message) when its log level lets it through;
   * otherwise does nothing.
   *
   * @param level debug, info, notice, warning, error, critical, alert or emergency
   */
  void log(String level, String logger, JsonNode data);

  /** True once the client cancelled the call; long-running code should check and stop. */
  boolean cancelled();

  /**
   * Asks the user for input through the client (elicitation/create in form mode).
   *
   * <p>In the legacy revisions the request goes to the client on the call's stream and this method
   * blocks until the answer arrives. In 2026-07-28 the call ends with an {@code input_required}
   * result and the client repeats it with the answer; the item then runs again from the start and
   * this method returns the answer at once. {@code key} names the request among those of one call,
   * so it must be stable between runs.
   *
   * @param requestedSchema a flat JSON Schema object of what to ask
   * @return the client's answer: {@code action} (accept, decline or cancel) and {@code content}
   * @throws MissingClientCapabilityException when the client did not declare elicitation
   */
  JsonNode elicit(String key, String message, ObjectNode requestedSchema) throws Exception;

  /**
   * Asks the client's model for a completion (sampling/createMessage), with the same revision
   * handling as {@link #elicit}.
   *
   * @param params the sampling/createMessage params (messages, maxTokens, ...)
   * @return the client's result (role, content, model, stopReason)
   * @throws MissingClientCapabilityException when the client did not declare sampling
   */
  JsonNode sample(String key, ObjectNode params) throws Exception;

  /**
   * Asks the client for its roots (roots/list), with the same revision handling as {@link #elicit}.
   *
   * @throws MissingClientCapabilityException when the client did not declare roots
   */
  JsonNode listRoots(String key) throws Exception;

  /** Thrown when the item needs a client capability that the client did not declare. */
  final class MissingClientCapabilityException extends Exception {
    private final String capability;

    public MissingClientCapabilityException(String capability) {
      super("the client did not declare the '" + capability + "' capability");
      this.capability = capability;
    }

    public String capability() {
      return capability;
    }
  }
}
