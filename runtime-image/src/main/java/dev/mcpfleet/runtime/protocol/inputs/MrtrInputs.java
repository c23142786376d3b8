package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.RequestContext;
import dev.mcpfleet.runtime.spi.CallContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 2026-07-28: questions whose answers the request brought (in {@code inputResponses} or the sealed
 * {@code requestState}) are answered at once; the others are collected, and the run ends with an
 * {@code input_required} result that asks them all in one round.
 */
final class MrtrInputs implements ClientInputs {

  private final RequestContext ctx;
  private final Map<String, JsonNode> answers;
  private final Map<String, CallContext.InputRequest> pending = new LinkedHashMap<>();
  private final Map<String, JsonNode> used = new LinkedHashMap<>();

  MrtrInputs(RequestContext ctx, Map<String, JsonNode> answers) {
    this.ctx = ctx;
    this.answers = answers;
  }

  @Override
  public synchronized Map<String, JsonNode> ask(List<CallContext.InputRequest> requests)
      throws Exception {
    for (CallContext.InputRequest request : requests) {
      if (!ctx.declares(request.capability())) {
        throw new CallContext.MissingClientCapabilityException(request.capability());
      }
    }
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (CallContext.InputRequest request : requests) {
      JsonNode answer = answers.get(request.key());
      if (answer == null) {
        pending.put(request.key(), request);
      } else {
        found.put(request.key(), answer);
        used.put(request.key(), answer);
      }
    }
    if (found.size() < requests.size()) {
      throw new CallContext.InputRequiredSignal();
    }
    return found;
  }

  /** Questions the run asked without an answer at hand; empty when it needs nothing. */
  synchronized Map<String, CallContext.InputRequest> pending() {
    return new LinkedHashMap<>(pending);
  }

  /** The answers the run consumed: what the next round's requestState must carry. */
  synchronized Map<String, JsonNode> used() {
    return new LinkedHashMap<>(used);
  }
}
