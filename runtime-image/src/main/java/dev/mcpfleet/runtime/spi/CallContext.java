package dev.mcpfleet.runtime.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * The W3C trace context ({@code traceparent} header value) that upstream HTTP calls made for this
   * call should carry, or null. The protocol layer answers with the request's incoming {@code
   * traceparent}; the observability layer hands tools a child of it (same trace, a span of this
   * call), so an HTTP tool only has to copy it onto its upstream request.
   */
  default String traceparent() {
    return null;
  }

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

  /**
   * Asks the client for several inputs at once. In 2026-07-28 they travel together in one {@code
   * input_required} result (one round trip instead of one per input); in the legacy revisions they
   * are sent one after another. Keys must be unique within the call and stable between runs.
   *
   * @return each request's answer by key
   * @throws MissingClientCapabilityException when the client did not declare a capability one of
   *     the requests needs
   */
  default Map<String, JsonNode> ask(List<InputRequest> requests) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (InputRequest request : requests) {
      JsonNode answer =
          switch (request.method()) {
            case InputRequest.ELICIT ->
                elicit(
                    request.key(),
                    request.params().path("message").asText(),
                    (ObjectNode) request.params().get("requestedSchema"));
            case InputRequest.SAMPLE -> sample(request.key(), request.params());
            case InputRequest.ROOTS -> listRoots(request.key());
            default ->
                throw new IllegalArgumentException("unknown input method " + request.method());
          };
      answers.put(request.key(), answer);
    }
    return answers;
  }

  /**
   * One input asked of the client.
   *
   * @param key names the request within the call; stable between runs
   * @param method elicitation/create, sampling/createMessage or roots/list
   * @param params the request's params
   */
  record InputRequest(String key, String method, ObjectNode params) {
    public static final String ELICIT = "elicitation/create";
    public static final String SAMPLE = "sampling/createMessage";
    public static final String ROOTS = "roots/list";

    /** A form-mode elicitation. */
    public static InputRequest elicit(String key, String message, ObjectNode requestedSchema) {
      ObjectNode params = JsonNodeFactory.instance.objectNode().put("message", message);
      params.set("requestedSchema", requestedSchema);
      return new InputRequest(key, ELICIT, params);
    }

    /** A sampling request with these sampling/createMessage params. */
    public static InputRequest sample(String key, ObjectNode params) {
      return new InputRequest(key, SAMPLE, params);
    }

    /** A roots/list request. */
    public static InputRequest roots(String key) {
      return new InputRequest(key, ROOTS, JsonNodeFactory.instance.objectNode());
    }

    /** The client capability the request needs. */
    public String capability() {
      return switch (method) {
        case ELICIT -> "elicitation";
        case SAMPLE -> "sampling";
        case ROOTS -> "roots";
        default -> throw new IllegalArgumentException("unknown input method " + method);
      };
    }
  }

  /**
   * Ends the current run of an item in 2026-07-28 because it needs input from the client; the
   * runtime answers {@code input_required} and runs the item again with the answers. Layers and
   * items must let it pass (never count it as a failure, cache or retry it).
   */
  final class InputRequiredSignal extends RuntimeException {
    public InputRequiredSignal() {
      super("input from the client is required", null, false, false);
    }
  }

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
