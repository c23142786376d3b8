package dev.mcpfleet.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK client (2.1.0) on the fixture server, over Streamable HTTP with
 * sessions and against a runtime without sessions: lists and calls tools, reads resources, gets
 * prompts, answers elicitation and sampling, hears progress, logs and list changes.
 */
class JavaSdkClientTest {

  private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
  private final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
  private final List<List<McpSchema.Tool>> toolChanges = new CopyOnWriteArrayList<>();
  private RuntimeServer server;
  private McpSyncClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    server.close();
  }

  private McpSyncClient connect(RuntimeConfig config) throws InterruptedException {
    server = ConformanceServer.start(config);
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + server.address().getPort())
                    .endpoint("/mcp")
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .capabilities(McpSchema.ClientCapabilities.builder().elicitation().sampling().build())
            .elicitation(
                request ->
                    new McpSchema.ElicitResult(
                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("response", "from Java")))
            .sampling(
                request ->
                    new McpSchema.CreateMessageResult(
                        McpSchema.Role.ASSISTANT,
                        new TextContent("Paris"),
                        "java-model",
                        McpSchema.CreateMessageResult.StopReason.END_TURN))
            .progressConsumer(progress::add)
            .loggingConsumer(logs::add)
            .toolsChangeConsumer(toolChanges::add)
            .build();
    client.initialize();
    return client;
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(CallToolRequest.builder().name(tool).arguments(args).build());
  }

  @Test
  void clientWithASessionUsesEveryFeatureOfTheFixtures() throws Exception {
    McpSyncClient client = connect(RuntimeConfig.builder().port(0).build());

    assertThat(client.getServerInfo().name()).isEqualTo("mcp-fleet-conformance-fixtures");
    assertThat(client.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .contains("test_simple_text", "test_elicitation", "test_input_required_result_elicitation");
    assertThat(text(call(client, "test_simple_text", Map.of())))
        .isEqualTo("This is a simple text response for testing.");
    assertThat(call(client, "test_image_content", Map.of()).content().get(0))
        .isInstanceOf(McpSchema.ImageContent.class);
    assertThat(call(client, "test_error_handling", Map.of()).isError()).isTrue();

    assertThat(text(call(client, "test_elicitation", Map.of("message", "Who?"))))
        .isEqualTo("User response: action=accept, content={\"response\":\"from Java\"}");
    assertThat(text(call(client, "test_sampling", Map.of("prompt", "Capital?"))))
        .isEqualTo("LLM response: Paris");

    client.callTool(
        CallToolRequest.builder()
            .name("test_tool_with_progress")
            .arguments(Map.of())
            .progressToken("p-1")
            .build());
    assertThat(progress)
        .extracting(McpSchema.ProgressNotification::progress)
        .containsExactly(0.0, 50.0, 100.0);

    client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
    call(client, "test_tool_with_logging", Map.of());
    assertThat(logs).hasSizeGreaterThanOrEqualTo(3);

    var resource = client.readResource(new McpSchema.ReadResourceRequest("test://static-text"));
    assertThat(((McpSchema.TextResourceContents) resource.contents().get(0)).text())
        .isEqualTo("This is the content of the static text resource.");
    var prompt =
        client.getPrompt(
            new McpSchema.GetPromptRequest(
                "test_prompt_with_arguments", Map.of("arg1", "a", "arg2", "b")));
    assertThat(((TextContent) prompt.messages().get(0).content()).text())
        .isEqualTo("Prompt with arguments: arg1='a', arg2='b'");

    call(client, "test_trigger_tool_change", Map.of());
    await().atMost(10, TimeUnit.SECONDS).until(() -> !toolChanges.isEmpty());
    assertThat(toolChanges.get(0)).extracting(McpSchema.Tool::name).contains("test_dynamic_tool_1");
  }

  @Test
  void clientOfARuntimeWithoutSessionsListsCallsReadsAndGets() throws Exception {
    McpSyncClient client = connect(RuntimeConfig.builder().port(0).legacySessions(false).build());

    assertThat(client.listTools().tools()).isNotEmpty();
    assertThat(text(call(client, "test_simple_text", Map.of())))
        .isEqualTo("This is a simple text response for testing.");
    var template = client.readResource(new McpSchema.ReadResourceRequest("test://template/9/data"));
    assertThat(((McpSchema.TextResourceContents) template.contents().get(0)).text()).contains("9");
    var prompt = client.getPrompt(new McpSchema.GetPromptRequest("test_simple_prompt", Map.of()));
    assertThat(prompt.messages()).hasSize(1);
    assertThat(client.listPrompts().prompts()).isNotEmpty();
    assertThat(client.listResources().resources()).isNotEmpty();
  }
}
