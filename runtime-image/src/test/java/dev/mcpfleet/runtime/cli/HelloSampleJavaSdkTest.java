package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest.CompleteArgument;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The official MCP Java SDK client uses samples/hello.yaml as served by {@code mcp-fleet serve}
 * (legacy sessions, Streamable HTTP) and by a runtime without sessions (stateless): it lists and
 * calls the tools, reads the resources and templates, gets the prompt and completes arguments.
 */
class HelloSampleJavaSdkTest {

  static final Path HELLO = Path.of("..", "samples", "hello.yaml");

  private AutoCloseable server;
  private McpSyncClient client;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theServeCommandServesTheSampleWithSessions() throws Exception {
    CommandLine cli = new CommandLine(new McpFleetCommand());
    ServeCommand serve =
        (ServeCommand)
            cli.parseArgs("serve", HELLO.toString(), "--port", "0", "--no-watch")
                .subcommand()
                .commandSpec()
                .userObject();
    ServeCommand.Serving serving = serve.start();
    server = serving;

    useTheSample(connect(serving.server().address().getPort()));
  }

  @Test
  void aRuntimeWithoutSessionsServesTheSampleStatelessly() throws Exception {
    Definitions definitions = new Definitions(DefinitionLoader.standard().load(HELLO));
    RuntimeServer stateless =
        RuntimeServer.start(
            RuntimeConfig.builder().port(0).legacySessions(false).build(), definitions);
    server = stateless;

    useTheSample(connect(stateless.address().getPort()));
  }

  private McpSyncClient connect(int port) {
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    return client;
  }

  private static void useTheSample(McpSyncClient client) {
    assertThat(client.getServerInfo().name()).isEqualTo("hello");
    assertThat(client.getServerInstructions()).contains("greet");

    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .containsExactly("greet", "greeting_card", "wave", "chime", "about", "leave");

    var greet = client.callTool(new CallToolRequest("greet", Map.of("name", "Ada")));
    assertThat(greet.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(greet.content()).singleElement().isEqualTo(new McpSchema.TextContent("Hello, Ada!"));

    var card =
        client.callTool(
            new CallToolRequest("greeting_card", Map.of("name", "Ada", "language", "fr")));
    assertThat(card.structuredContent())
        .isEqualTo(
            Map.of(
                "recipient",
                "Ada",
                "message",
                "Hello, Ada! Have a wonderful day.",
                "language",
                "fr"));
    assertThat(((McpSchema.TextContent) card.content().get(0)).text())
        .contains("\"recipient\":\"Ada\"");

    var wave = client.callTool(new CallToolRequest("wave", Map.of("name", "Ada")));
    assertThat(wave.content().get(0))
        .isInstanceOfSatisfying(
            McpSchema.ImageContent.class, i -> assertThat(i.mimeType()).isEqualTo("image/png"));
    assertThat(wave.content().get(1))
        .isInstanceOfSatisfying(
            McpSchema.TextContent.class, t -> assertThat(t.text()).isEqualTo("(waves at Ada)"));

    var chime = client.callTool(new CallToolRequest("chime", Map.of()));
    assertThat(chime.content().get(0))
        .isInstanceOfSatisfying(
            McpSchema.AudioContent.class, a -> assertThat(a.mimeType()).isEqualTo("audio/wav"));

    var about = client.callTool(new CallToolRequest("about", Map.of()));
    assertThat(about.content().get(1))
        .isInstanceOfSatisfying(
            McpSchema.EmbeddedResource.class,
            r -> assertThat(r.resource().uri()).isEqualTo("hello://readme"));
    assertThat(about.content().get(2))
        .isInstanceOfSatisfying(
            McpSchema.ResourceLink.class, l -> assertThat(l.uri()).isEqualTo("hello://logo.png"));

    var leave = client.callTool(new CallToolRequest("leave", Map.of()));
    assertThat(leave.isError()).isTrue();

    assertThat(client.listResources().resources())
        .extracting(McpSchema.Resource::uri)
        .containsExactly("hello://readme", "hello://logo.png");
    var readme = client.readResource(new ReadResourceRequest("hello://readme"));
    assertThat(readme.contents().get(0))
        .isInstanceOfSatisfying(
            McpSchema.TextResourceContents.class, t -> assertThat(t.text()).startsWith("# hello"));
    var logo = client.readResource(new ReadResourceRequest("hello://logo.png"));
    assertThat(logo.contents().get(0))
        .isInstanceOfSatisfying(
            McpSchema.BlobResourceContents.class,
            b -> assertThat(b.mimeType()).isEqualTo("image/png"));

    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::uriTemplate)
        .containsExactly("hello://greetings/{language}");
    var french = client.readResource(new ReadResourceRequest("hello://greetings/fr"));
    assertThat(((McpSchema.TextResourceContents) french.contents().get(0)).text()).contains("'fr'");

    assertThat(client.listPrompts().prompts())
        .extracting(McpSchema.Prompt::name)
        .containsExactly("greeting_email");
    var prompt =
        client.getPrompt(
            new GetPromptRequest("greeting_email", Map.of("recipient", "Ada", "tone", "warm")));
    assertThat(prompt.messages().get(0).content())
        .isEqualTo(new McpSchema.TextContent("Write a short warm email that says hello to Ada."));

    assertThatThrownBy(
            () -> client.getPrompt(new GetPromptRequest("greeting_email", Map.of("tone", "warm"))))
        .hasMessageContaining("needs the argument 'recipient'");

    var tones =
        client.completeCompletion(
            new CompleteRequest(
                new McpSchema.PromptReference("greeting_email"),
                new CompleteArgument("tone", "f")));
    assertThat(tones.completion().values()).containsExactly("formal", "friendly");
    var languages =
        client.completeCompletion(
            new CompleteRequest(
                new McpSchema.ResourceReference("hello://greetings/{language}"),
                new CompleteArgument("language", "e")));
    assertThat(languages.completion().values()).containsExactly("en", "es");
  }
}
