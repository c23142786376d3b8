package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.upstream.ScriptedTransport.error;
import static dev.mcpfleet.runtime.upstream.ScriptedTransport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static Handshake.ServerFacts handshake(ScriptedTransport transport) throws Exception {
    UpstreamSession session =
        new UpstreamSession(
            transport,
            new UpstreamSession.Listener() {
              @Override
              public void listChanged(String kind) {}

              @Override
              public void ended(String why) {}
            });
    session.start();
    return Handshake.perform(session, "1.0", TIMEOUT);
  }

  private static Function<ObjectNode, JsonNode> answering(String version) {
    return request ->
        result(
            request,
            "{'protocolVersion':'"
                + version
                + "','capabilities':{'tools':{'listChanged':true}},"
                + "'serverInfo':{'name':'up','version':'2.0'},'instructions':'Be kind.'}");
  }

  @Test
  void initializeAsksForTheNewestRevisionDeclaresTheClientCapabilitiesThenSaysInitialized()
      throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, answering("2025-11-25"));

    Handshake.ServerFacts facts = handshake(transport);

    ObjectNode initialize = transport.sent("initialize").getFirst();
    assertThat(initialize.path("params").path("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(initialize.path("params").path("capabilities").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("roots", "sampling", "elicitation");
    assertThat(transport.sent("notifications/initialized")).hasSize(1);
    assertThat(facts.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(facts.offers("tools")).isTrue();
    assertThat(facts.offers("prompts")).isFalse();
    assertThat(facts.instructions()).isEqualTo("Be kind.");
    assertThat(transport.initializedAt).isEqualTo("2025-11-25");
  }

  @Test
  void anOlderRevisionTheServerAnswersWithIsSpoken() throws Exception {
    ScriptedTransport transport = new ScriptedTransport(false, answering("2025-03-26"));

    Handshake.ServerFacts facts = handshake(transport);

    assertThat(facts.protocolVersion()).isEqualTo("2025-03-26");
    assertThat(transport.initializedAt).isEqualTo("2025-03-26");
  }

  @Test
  void aRefusalThatListsOlderRevisionsIsRetriedAtTheNewestOfThem() throws Exception {
    Function<ObjectNode, JsonNode> legacy = answering("2025-06-18");
    ScriptedTransport transport =
        new ScriptedTransport(
            false,
            request ->
                request.path("params").path("protocolVersion").asText().equals("2025-11-25")
                    ? error(
                        request,
                        "{'code':-32602,'message':'Unsupported protocol version',"
                            + "'data':{'supported':['2024-11-05','2025-06-18']}}")
                    : legacy.apply(request));

    Handshake.ServerFacts facts = handshake(transport);

    assertThat(transport.sent("initialize"))
        .extracting(m -> m.path("params").path("protocolVersion").asText())
        .containsExactly("2025-11-25", "2025-06-18");
    assertThat(facts.protocolVersion()).isEqualTo("2025-06-18");
  }

  @Test
  void aRevisionTheRuntimeCannotSpeakIsRefusedSayingWhich() {
    ScriptedTransport transport = new ScriptedTransport(false, answering("2099-01-01"));

    assertThatThrownBy(() -> handshake(transport))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("'2099-01-01'")
        .hasMessageContaining("2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05");
    assertThat(transport.sent("notifications/initialized")).isEmpty();
  }
}
