package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.message;
import static dev.mcpfleet.runtime.TestServer.statelessParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 2026-07-28 multi-round requests: input_required results and the sealed requestState. */
class MultiRoundRequestTest {

  private static final String ELICITATION = "{'elicitation':{}}";
  private static TestServer server;

  static Fixture.Tool greet() {
    return Fixture.tool(
        "greet",
        "Asks a name, then a color",
        null,
        false,
        (call, ctx) -> {
          String name =
              Fixture.answered(
                  ctx.elicit(
                      "name",
                      "Your name?",
                      Fixture.json("{'type':'object','properties':{'name':{'type':'string'}}}")),
                  "name");
          String color =
              Fixture.answered(
                  ctx.elicit(
                      "color",
                      "Your color?",
                      Fixture.json("{'type':'object','properties':{'color':{'type':'string'}}}")),
                  "color");
          return ToolResult.text(name + " likes " + color);
        });
  }

  static Fixture.Tool other() {
    return Fixture.tool(
        "other",
        "Asks a name too",
        null,
        false,
        (call, ctx) ->
            ToolResult.text(
                Fixture.answered(
                    ctx.elicit("name", "Name?", Fixture.json("{'type':'object'}")), "name")));
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.tools(greet(), other()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode call(TestServer on, String tool, String extra, String capabilities) {
    ObjectNode params = statelessParams("{'name':'" + tool + "'" + extra + "}", capabilities);
    return message(on.stateless("tools/call", params));
  }

  private static String answer(String field, String value) {
    return "{'action':'accept','content':{'" + field + "':'" + value + "'}}";
  }

  @Test
  void askingForInputEndsTheRoundWithInputRequired() {
    JsonNode result = call(server, "greet", "", ELICITATION).path("result");

    assertThat(result.path("resultType").asText()).isEqualTo("input_required");
    assertThat(result.at("/inputRequests/name/method").asText()).isEqualTo("elicitation/create");
    assertThat(result.at("/inputRequests/name/params/message").asText()).isEqualTo("Your name?");
    assertThat(result.path("requestState").asText()).contains(".");
    assertThat(result.has("ttlMs")).isFalse();
  }

  @Test
  void answersOfEarlierRoundsTravelInTheSealedState() {
    JsonNode first = call(server, "greet", "", ELICITATION).path("result");
    JsonNode second =
        call(
                server,
                "greet",
                ",'inputResponses':{'name':"
                    + answer("name", "Ada")
                    + "},'requestState':'"
                    + first.path("requestState").asText()
                    + "'",
                ELICITATION)
            .path("result");
    JsonNode third =
        call(
                server,
                "greet",
                ",'inputResponses':{'color':"
                    + answer("color", "green")
                    + "},'requestState':'"
                    + second.path("requestState").asText()
                    + "'",
                ELICITATION)
            .path("result");

    assertThat(second.path("resultType").asText()).isEqualTo("input_required");
    assertThat(second.path("inputRequests").has("color")).isTrue();
    assertThat(third.path("resultType").asText()).isEqualTo("complete");
    assertThat(third.at("/content/0/text").asText()).isEqualTo("Ada likes green");
  }

  @Test
  void tamperedStateIsRefused() {
    String state = call(server, "greet", "", ELICITATION).at("/result/requestState").asText();
    char flipped = state.charAt(3) == 'A' ? 'B' : 'A';
    String tampered = state.substring(0, 3) + flipped + state.substring(4);

    JsonNode response =
        call(
            server,
            "greet",
            ",'inputResponses':{'name':"
                + answer("name", "Eve")
                + "},'requestState':'"
                + tampered
                + "'",
            ELICITATION);

    assertThat(response.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(response.at("/error/message").asText()).contains("requestState was refused");
  }

  @Test
  void stateIssuedForAnotherToolIsRefused() {
    String state = call(server, "greet", "", ELICITATION).at("/result/requestState").asText();

    JsonNode response = call(server, "other", ",'requestState':'" + state + "'", ELICITATION);

    assertThat(response.at("/error/message").asText()).contains("issued for another request");
  }

  @Test
  void expiredStateIsRefused() throws InterruptedException {
    try (TestServer shortLived =
        TestServer.start(
            TestServer.tools(greet()),
            c -> c.requestStateTtl(Duration.ofMillis(1)),
            d -> Pipeline.bare())) {
      String state = call(shortLived, "greet", "", ELICITATION).at("/result/requestState").asText();
      Thread.sleep(20);

      JsonNode response = call(shortLived, "greet", ",'requestState':'" + state + "'", ELICITATION);

      assertThat(response.at("/error/message").asText()).contains("expired");
    }
  }

  @Test
  void replicasSharingASecretAcceptEachOthersState() {
    try (TestServer a =
            TestServer.start(
                TestServer.tools(greet()),
                c -> c.requestStateSecret("shared-secret"),
                d -> Pipeline.bare());
        TestServer b =
            TestServer.start(
                TestServer.tools(greet()),
                c -> c.requestStateSecret("shared-secret"),
                d -> Pipeline.bare())) {
      String state =
          call(a, "greet", ",'inputResponses':{'name':" + answer("name", "Ada") + "}", ELICITATION)
              .at("/result/requestState")
              .asText();

      JsonNode done =
          call(
              b,
              "greet",
              ",'inputResponses':{'color':"
                  + answer("color", "red")
                  + "},'requestState':'"
                  + state
                  + "'",
              ELICITATION);

      assertThat(done.at("/result/content/0/text").asText()).isEqualTo("Ada likes red");
    }
  }

  @Test
  void undeclaredCapabilityIsMissingRequiredClientCapability() {
    HttpResponse<String> response =
        server.stateless("tools/call", statelessParams("{'name':'greet'}", "{}"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = message(response).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32021);
    assertThat(error.at("/data/requiredCapabilities/elicitation").isObject()).isTrue();
  }

  @Test
  void answersThatAreNotObjectsAreInvalidParams() {
    JsonNode response = call(server, "greet", ",'inputResponses':{'name':42}", ELICITATION);

    assertThat(response.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(response.at("/error/message").asText()).contains("inputResponses.name");
  }

  @Test
  void listsNeverAskForInput() {
    JsonNode result = message(server.stateless("tools/list", "{}")).path("result");

    assertThat(result.path("resultType").asText()).isEqualTo("complete");
  }
}
