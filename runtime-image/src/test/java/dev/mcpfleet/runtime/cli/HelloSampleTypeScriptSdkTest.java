package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.node.NodeHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official TypeScript SDK clients use samples/hello.yaml from a small script
 * (node/hello-client.mjs): the v1 SDK over the initialize handshake and the v2 SDK pinned to the
 * stateless 2026-07-28 revision. Each lists and calls the tools, reads the resources and the
 * template, gets the prompt and completes an argument.
 */
class HelloSampleTypeScriptSdkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RuntimeServer server;
  private static NodeHarness node;

  @BeforeAll
  static void start() throws Exception {
    node = NodeHarness.sdkClients();
    server =
        RuntimeServer.start(
            RuntimeConfig.builder().port(0).build(),
            new Definitions(DefinitionLoader.standard().load(HelloSampleJavaSdkTest.HELLO)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} SDK at {1}")
  @CsvSource({"v1, 2025-11-25", "v2, 2026-07-28"})
  void theSdkClientUsesEverythingTheSampleOffers(String line, String revision) throws Exception {
    NodeHarness.Result run =
        node.run("node/hello-client.mjs", List.of(server.url(), line), Duration.ofMinutes(2));

    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode seen = JSON.readTree(run.stdout());
    assertThat(seen.get("protocolVersion").asText()).isEqualTo(revision);
    assertThat(strings(seen.get("tools")))
        .containsExactly("greet", "greeting_card", "wave", "chime", "about", "leave");
    assertThat(seen.get("greet").asText()).isEqualTo("Hello, Ada!");
    assertThat(seen.get("card"))
        .isEqualTo(
            JSON.readTree(
                "{\"recipient\":\"Ada\",\"message\":\"Hello, Ada! Have a wonderful day.\","
                    + "\"language\":\"fr\"}"));
    assertThat(strings(seen.get("wave"))).containsExactly("image", "text");
    assertThat(strings(seen.get("chime"))).containsExactly("audio/wav");
    assertThat(strings(seen.get("about"))).containsExactly("text", "resource", "resource_link");
    assertThat(seen.get("leaveIsError").asBoolean()).isTrue();
    assertThat(strings(seen.get("resources")))
        .containsExactly("hello://readme", "hello://logo.png");
    assertThat(seen.get("readme").asText()).isEqualTo("# hello");
    assertThat(seen.get("logoMimeType").asText()).isEqualTo("image/png");
    assertThat(seen.get("logoHasBlob").asBoolean()).isTrue();
    assertThat(strings(seen.get("templates"))).containsExactly("hello://greetings/{language}");
    assertThat(seen.get("french").asText()).contains("'fr'");
    assertThat(strings(seen.get("prompts"))).containsExactly("greeting_email");
    assertThat(seen.get("prompt").asText())
        .isEqualTo("Write a short warm email that says hello to Ada.");
    assertThat(strings(seen.get("tones"))).containsExactly("formal", "friendly");
  }

  private static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
