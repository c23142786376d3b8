package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.CallContext.InputRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the upstream's questions of one call (elicitation/create, sampling/createMessage,
 * roots/list) to the client through {@link CallContext#ask}, and sends the answers back: a legacy
 * client gets the request on its call's stream; a 2026-07-28 client gets an {@code input_required}
 * round, after which its retry runs the call again and the same question, found by its position in
 * the call ({@code upstream-1}, {@code upstream-2}, ...), is answered at once.
 */
final class ClientQuestions {

  private static final Logger LOG = LoggerFactory.getLogger(ClientQuestions.class);

  private final UpstreamSession session;
  private final CallContext context;
  private int asked;

  ClientQuestions(UpstreamSession session, CallContext context) {
    this.session = session;
    this.context = context;
  }

  /** Answers the server's request {@code message} (one of {@link UpstreamSession#QUESTIONS}). */
  void answer(JsonNode message) throws InterruptedException {
    JsonNode id = message.get("id");
    String method = Json.text(message, "method");
    if (context == null) {
      session.refuse(id, -32603, method + " cannot be answered: no client waits for this request");
      return;
    }
    ObjectNode params =
        message.get("params") instanceof ObjectNode p ? p.deepCopy() : Json.object();
    String key = "upstream-" + ++asked;
    JsonNode answer;
    try {
      answer = context.ask(List.of(new InputRequest(key, method, params))).get(key);
    } catch (CallContext.MissingClientCapabilityException e) {
      session.refuse(
          id,
          -32601,
          "the client of this call did not declare the '" + e.capability() + "' capability");
      return;
    } catch (CallContext.InputRequiredSignal e) {
      session.refuse(id, -32603, "the client answers " + method + " in a later round");
      throw e;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      LOG.debug("the client did not answer the upstream's {}", method, e);
      session.refuse(id, -32603, "the client did not answer " + method + ": " + e.getMessage());
      return;
    }
    session.respond(id, answer);
  }
}
