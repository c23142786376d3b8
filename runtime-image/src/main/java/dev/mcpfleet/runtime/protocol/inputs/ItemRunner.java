package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.McpError;
import dev.mcpfleet.runtime.protocol.RequestContext;
import dev.mcpfleet.runtime.protocol.Result;
import dev.mcpfleet.runtime.spi.CallContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a tool, resource read or prompt with the {@link CallContext} its revision calls for. In
 * 2026-07-28 a run that asks for input ends in an {@code input_required} result; the client's retry
 * brings the answers ({@code inputResponses}) and the sealed earlier ones ({@code requestState}),
 * and the item runs again from the start.
 */
public final class ItemRunner {

  /** The body of an item run. */
  @FunctionalInterface
  public interface Body<T> {
    T run(CallContext context) throws Exception;
  }

  /** A run's end: the item's value, or the input_required result to answer with. */
  public sealed interface Outcome<T> {}

  public record Done<T>(T value) implements Outcome<T> {}

  public record NeedsInput<T>(Result result) implements Outcome<T> {}

  private ItemRunner() {}

  /**
   * Runs {@code body} for the item named {@code subject}. Exceptions of the body propagate, except
   * the signal that input is required.
   */
  public static <T> Outcome<T> run(RequestContext ctx, String subject, Body<T> body)
      throws Exception {
    if (!ctx.revision().stateless()) {
      return new Done<>(body.run(new ItemContext(ctx, new LegacyInputs(ctx))));
    }
    String binding = ctx.caller().id() + "\n" + ctx.method() + "\n" + subject;
    MrtrInputs inputs = new MrtrInputs(ctx, answers(ctx, binding));
    T value;
    try {
      value = body.run(new ItemContext(ctx, inputs));
    } catch (CallContext.InputRequiredSignal signal) {
      value = null;
    }
    Map<String, CallContext.InputRequest> pending = inputs.pending();
    if (pending.isEmpty()) {
      return new Done<>(value);
    }
    String state = ctx.services().requestState().seal(binding, inputs.used());
    return new NeedsInput<>(new InputRequiredResult(pending, state));
  }

  /** The answers a stateless request brings: sealed earlier rounds, then this round's. */
  private static Map<String, JsonNode> answers(RequestContext ctx, String binding) {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    JsonNode state = ctx.params().get("requestState");
    if (state != null && !state.isNull()) {
      if (!state.isTextual()) {
        throw McpError.invalidParams("requestState must be the string a previous round returned");
      }
      answers.putAll(ctx.services().requestState().open(state.asText(), binding));
    }
    JsonNode responses = ctx.params().get("inputResponses");
    if (responses != null && !responses.isNull()) {
      if (!responses.isObject()) {
        throw McpError.invalidParams("inputResponses must be an object of answers by request key");
      }
      for (var entry : responses.properties()) {
        if (!entry.getValue().isObject()) {
          throw McpError.invalidParams(
              "inputResponses."
                  + entry.getKey()
                  + " must be an object: the client's result for"
                  + " that input request");
        }
        answers.put(entry.getKey(), entry.getValue());
      }
    }
    return answers;
  }
}
