package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.JsonRpc;
import dev.mcpfleet.runtime.protocol.RequestContext;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.spi.CallContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Legacy revisions: each question is a JSON-RPC request to the client on the call's SSE stream; the
 * item's virtual thread waits until the client POSTs the answer back on its session.
 */
final class LegacyInputs implements ClientInputs {

  private final RequestContext ctx;

  LegacyInputs(RequestContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Map<String, JsonNode> ask(List<CallContext.InputRequest> requests) throws Exception {
    Session session = ctx.session();
    for (CallContext.InputRequest request : requests) {
      if (session == null || !ctx.declares(request.capability())) {
        throw new CallContext.MissingClientCapabilityException(request.capability());
      }
    }
    if (!Thread.currentThread().isVirtual()) {
      throw new IllegalStateException(
          "an inline item cannot wait for the client; make inline() return false");
    }
    if (!ctx.exchange().acceptsSse()) {
      throw new IllegalStateException(
          "the client does not accept text/event-stream, so it cannot be asked for input");
    }
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (CallContext.InputRequest request : requests) {
      answers.put(request.key(), askOne(session, request));
    }
    return answers;
  }

  private JsonNode askOne(Session session, CallContext.InputRequest request) throws Exception {
    Map.Entry<String, CompletableFuture<JsonNode>> pending = session.awaitClient();
    ctx.exchange()
        .send(
            JsonRpc.request(
                ctx.exchange().alloc(), pending.getKey(), request.method(), request.params()));
    long timeout = ctx.services().config().clientInputTimeout().toMillis();
    JsonNode response;
    try {
      response = pending.getValue().get(timeout, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.getValue().cancel(false);
      throw new IllegalStateException(
          "the client did not answer " + request.method() + " within " + timeout + " ms", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      pending.getValue().cancel(false);
      throw e;
    }
    JsonNode error = response.get("error");
    if (error != null) {
      throw new IllegalStateException(
          "the client refused " + request.method() + ": " + error.path("message").asText());
    }
    return response.path("result");
  }
}
