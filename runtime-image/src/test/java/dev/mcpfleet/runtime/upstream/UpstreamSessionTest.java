package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.TestServer.json;
import static dev.mcpfleet.runtime.upstream.ScriptedTransport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.CallContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UpstreamSessionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final List<String> changed = new CopyOnWriteArrayList<>();
  private final List<String> ended = new CopyOnWriteArrayList<>();

  private UpstreamSession session(ScriptedTransport transport) throws Exception {
    UpstreamSession session =
        new UpstreamSession(
            transport,
            new UpstreamSession.Listener() {
              @Override
              public void listChanged(String kind) {
                changed.add(kind);
              }

              @Override
              public void ended(String why) {
                ended.add(why);
              }
            });
    session.start();
    return session;
  }

  /** Starts a tools/call and waits for it on a virtual thread, as the runtime does. */
  private static CompletableFuture<JsonNode> call(UpstreamSession session, CallContext context)
      throws Exception {
    return awaitOnVirtualThread(session.open("tools/call", json("{'name':'t'}"), true), context);
  }

  private static CompletableFuture<JsonNode> awaitOnVirtualThread(
      UpstreamCall call, CallContext context) {
    CompletableFuture<JsonNode> done = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                done.complete(call.await(context, TIMEOUT));
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private static Function<ObjectNode, JsonNode> silent() {
    return request -> null;
  }

  private static JsonNode request(long id, String method, String params) {
    return json(
        "{'jsonrpc':'2.0','id':" + id + ",'method':'" + method + "','params':" + params + "}");
  }

  @Test
  void progressFindsItsCallByTheTokenTheSessionSetAndReachesTheClient() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    UpstreamSession session = session(transport);
    RecordingContext client = new RecordingContext(requests -> Map.of());
    CompletableFuture<JsonNode> done = call(session, client);
    ObjectNode sent = transport.sent("tools/call").getFirst();
    String token = sent.path("params").path("_meta").path("progressToken").asText();

    transport.push(
        json(
            "{'jsonrpc':'2.0','method':'notifications/progress','params':{'progressToken':'"
                + token
                + "','progress':1,'total':2,'message':'half'}}"));
    transport.push(result(sent, "{'content':[]}"));

    done.get();
    assertThat(client.progress).containsExactly("1.0/2.0 half");
  }

  @Test
  void aQuestionDuringTheOnlyCallInFlightIsPutToItsClientAndTheAnswerSentBack() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    UpstreamSession session = session(transport);
    RecordingContext client =
        new RecordingContext(
            requests ->
                Map.of(
                    requests.getFirst().key(),
                    json("{'action':'accept','content':{'name':'Ada'}}")));
    CompletableFuture<JsonNode> done = call(session, client);
    ObjectNode sent = transport.sent("tools/call").getFirst();

    transport.push(
        request(
            900, "elicitation/create", "{'message':'Name?','requestedSchema':{'type':'object'}}"));
    await().until(() -> !transport.responses().isEmpty());
    transport.push(result(sent, "{'content':[{'type':'text','text':'ok'}]}"));

    assertThat(done.get().path("content").get(0).path("text").asText()).isEqualTo("ok");
    assertThat(client.asked)
        .extracting(CallContext.InputRequest::key, CallContext.InputRequest::method)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("upstream-1", "elicitation/create"));
    ObjectNode answer = transport.responses().getFirst();
    assertThat(answer.path("id").asLong()).isEqualTo(900);
    assertThat(answer.path("result").path("content").path("name").asText()).isEqualTo("Ada");
  }

  @Test
  void overStdioAQuestionWithTwoCallsInFlightIsRefusedNotPutToEitherClient() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    UpstreamSession session = session(transport);
    RecordingContext first = new RecordingContext(requests -> Map.of());
    RecordingContext second = new RecordingContext(requests -> Map.of());
    call(session, first);
    call(session, second);

    transport.push(request(901, "sampling/createMessage", "{'messages':[],'maxTokens':5}"));

    await().until(() -> !transport.responses().isEmpty());
    assertThat(transport.responses().getFirst().path("error").path("message").asText())
        .contains("cannot tell which client should answer");
    assertThat(first.asked).isEmpty();
    assertThat(second.asked).isEmpty();
  }

  @Test
  void outsideAnyCallRootsAreEmptyPingIsAnsweredAndOtherMethodsAreUnknown() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    session(transport);

    transport.push(request(1, "roots/list", "{}"));
    transport.push(request(2, "ping", "{}"));
    transport.push(request(3, "tasks/list", "{}"));

    assertThat(transport.responses())
        .extracting(JsonNode::toString)
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"roots\":[]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32601,\"message\":\"Method not"
                + " found: the MCP Fleet runtime does not answer tasks/list\"}}");
  }

  @Test
  void listChangesReachTheListener() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    session(transport);

    transport.push(json("{'jsonrpc':'2.0','method':'notifications/tools/list_changed'}"));
    transport.push(json("{'jsonrpc':'2.0','method':'notifications/prompts/list_changed'}"));

    assertThat(changed).containsExactly("tools", "prompts");
  }

  @Test
  void whenTheTransportEndsCallsInFlightFailAsUnavailableWithTheReason() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, silent());
    UpstreamSession session = session(transport);
    CompletableFuture<JsonNode> done = call(session, new RecordingContext(r -> Map.of()));

    transport.end("the upstream process exited with code 3");

    assertThatThrownBy(done::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(UpstreamException.class)
        .hasMessage("the upstream process exited with code 3")
        .satisfies(
            e ->
                assertThat(((UpstreamException) e).kind())
                    .isEqualTo(UpstreamException.Kind.UNAVAILABLE));
    assertThat(ended).containsExactly("the upstream process exited with code 3");
    assertThatThrownBy(() -> session.open("tools/list", json("{}"), false))
        .hasMessage("the upstream process exited with code 3");
  }

  @Test
  void anInterruptedWaitCancelsTheRequestUpstream() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(true, silent());
    UpstreamSession session = session(transport);
    UpstreamCall call = session.open("tools/call", json("{'name':'slow'}"), true);
    Thread waiting =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    call.await(new RecordingContext(r -> Map.of()), TIMEOUT);
                  } catch (Exception e) {
                    // expected: interrupted
                  }
                });

    waiting.interrupt();
    waiting.join();

    ObjectNode cancelled = transport.sent("notifications/cancelled").getFirst();
    assertThat(cancelled.path("params").path("requestId").asLong()).isEqualTo(call.id());
    assertThat(transport.aborted).containsExactly(call.id());
  }

  @Test
  void aQuestionAStatelessClientAnswersInALaterRoundCancelsTheRequestAndEndsTheRun()
      throws Exception {
    ScriptedTransport transport = new ScriptedTransport(true, silent());
    UpstreamSession session = session(transport);
    RecordingContext client =
        new RecordingContext(
            requests -> {
              throw new CallContext.InputRequiredSignal();
            });
    UpstreamCall call = session.open("tools/call", json("{'name':'ask'}"), true);
    CompletableFuture<JsonNode> done = awaitOnVirtualThread(call, client);

    call.deliver(
        request(
            77, "elicitation/create", "{'message':'Name?','requestedSchema':{'type':'object'}}"));

    assertThatThrownBy(done::get).cause().isInstanceOf(CallContext.InputRequiredSignal.class);
    assertThat(transport.sent("notifications/cancelled")).hasSize(1);
    assertThat(transport.responses().getFirst().path("id").asLong()).isEqualTo(77);
    assertThat(transport.responses().getFirst().has("error")).isTrue();
  }
}
