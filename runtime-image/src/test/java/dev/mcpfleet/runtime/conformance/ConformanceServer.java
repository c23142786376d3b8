package dev.mcpfleet.runtime.conformance;

import static dev.mcpfleet.runtime.conformance.Fixture.tool;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixture server the official conformance suite scores: every fixture of its 2025-11-25 and
 * 2026-07-28 scenarios, built on the runtime's SPI and served by the real runtime. The trigger
 * tools change the served definition, as a file reload would.
 *
 * <p>Run by hand: {@code ./mvnw -pl runtime-image -am test-compile exec:java ...} is not needed;
 * see docs/conformance.md for the one command.
 */
public final class ConformanceServer {

  private final Definitions definitions;
  private final AtomicInteger generation = new AtomicInteger();

  ConformanceServer() {
    this.definitions = new Definitions(definition(0));
  }

  Definitions definitions() {
    return definitions;
  }

  /** Starts the fixture server with {@code config}. */
  static RuntimeServer start(RuntimeConfig config) throws InterruptedException {
    return RuntimeServer.start(config, new ConformanceServer().definitions());
  }

  /** The definition of one generation: each trigger adds a tool or a prompt. */
  private ServerDefinition definition(int toolChanges, int promptChanges) {
    List<McpTool> tools = new ArrayList<>(ContentFixtures.tools());
    tools.addAll(InputFixtures.tools());
    tools.add(
        tool(
            "test_trigger_tool_change",
            "Changes the tool list",
            null,
            true,
            (call, ctx) -> {
              definitions.replace(definition(generation.incrementAndGet(), promptChanges));
              return ToolResult.text("Mutation triggered");
            }));
    tools.add(
        tool(
            "test_trigger_prompt_change",
            "Changes the prompt list",
            null,
            true,
            (call, ctx) -> {
              definitions.replace(definition(toolChanges, generation.incrementAndGet()));
              return ToolResult.text("Mutation triggered");
            }));
    if (toolChanges > 0) {
      tools.add(
          tool(
              "test_dynamic_tool_" + toolChanges,
              "Appeared on a change",
              null,
              true,
              (call, ctx) -> ToolResult.text("dynamic")));
    }
    List<McpPrompt> prompts = new ArrayList<>(CatalogFixtures.prompts());
    if (promptChanges > 0) {
      prompts.add(
          Fixture.prompt(
              "test_dynamic_prompt_" + promptChanges,
              "Appeared on a change",
              List.of(),
              (args, ctx) -> new McpPrompt.PromptResult(null, List.of())));
    }
    return new ServerDefinition(
        new McpServer(),
        new ServerDefinition.ServerInfo(
            "mcp-fleet-conformance-fixtures",
            "1.0.0",
            "MCP Fleet conformance fixtures",
            null,
            "Fixtures of the MCP conformance suite.",
            List.of()),
        tools,
        CatalogFixtures.resources(),
        CatalogFixtures.templates(),
        prompts);
  }

  private ServerDefinition definition(int generation) {
    return definition(generation, generation);
  }

  /** Serves the fixtures on 127.0.0.1 at the port given as the only argument (default 8080). */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    RuntimeServer server = start(RuntimeConfig.builder().port(port).build());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("Conformance fixtures at " + server.url());
    Thread.currentThread().join();
  }
}
