package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists with cursors, resource reads, prompt expansion and completion, in both eras. */
class CatalogMethodsTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    List<dev.mcpfleet.runtime.spi.McpTool> tools = new ArrayList<>();
    IntStream.range(0, 5)
        .forEach(
            i ->
                tools.add(
                    Fixture.tool(
                        "t" + i, "Tool " + i, null, true, (c, x) -> ToolResult.text("ok"))));
    McpResourceTemplate users =
        new Fixture.Template(
            new McpResourceTemplate.TemplateDescriptor(
                "users://{id}/profile", "user", null, null, "application/json", null, List.of()),
            (uri, vars, ctx) ->
                vars.get("id").equals("0")
                    ? List.of()
                    : List.of(
                        ResourceContents.text(
                            uri, "application/json", "{\"id\":" + vars.get("id") + "}")));
    McpPrompt review =
        new McpPrompt() {
          @Override
          public PromptDescriptor descriptor() {
            return new PromptDescriptor(
                "review",
                null,
                "Reviews code",
                List.of(new Argument("language", null, null, true)),
                List.of());
          }

          @Override
          public PromptResult get(Map<String, String> args, CallContext context) {
            return new PromptResult(
                null,
                List.of(
                    new Message(
                        "user", new Content.Text("Review this " + args.get("language"), null))));
          }

          @Override
          public List<String> complete(String argument, String prefix, Map<String, String> ctx) {
            return IntStream.range(0, 150).mapToObj(i -> prefix + i).toList();
          }
        };
    server =
        TestServer.start(
            TestServer.definition(
                tools,
                List.of(
                    Fixture.resource(
                        "docs://readme",
                        "readme",
                        null,
                        "text/plain",
                        ctx ->
                            List.of(
                                ResourceContents.text("docs://readme", "text/plain", "Read me")))),
                List.of(users),
                List.of(review)),
            c -> c.pageSize(2),
            d -> Pipeline.bare());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listsArePagedWithOpaqueCursors() {
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String params = cursor == null ? "{}" : "{'cursor':'" + cursor + "'}";
      JsonNode result = message(server.stateless("tools/list", params)).path("result");
      result.path("tools").forEach(t -> names.add(t.path("name").asText()));
      cursor = result.path("nextCursor").asText(null);
      pages++;
    } while (cursor != null);

    assertThat(names).containsExactly("t0", "t1", "t2", "t3", "t4");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void invalidCursorIsInvalidParams() {
    JsonNode garbage = message(server.stateless("tools/list", "{'cursor':'not-a-cursor'}"));
    String toolsCursor =
        message(server.stateless("tools/list", "{}")).at("/result/nextCursor").asText();
    JsonNode foreign =
        message(server.stateless("prompts/list", "{'cursor':'" + toolsCursor + "'}"));

    assertThat(garbage.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(garbage.at("/error/message").asText()).contains("nextCursor");
    assertThat(foreign.at("/error/code").asInt())
        .as("a tools cursor means nothing to prompts")
        .isEqualTo(-32602);
  }

  @Test
  void resourcesAreReadByUriOrThroughTheirTemplate() {
    JsonNode fixed = message(server.stateless("resources/read", "{'uri':'docs://readme'}"));
    JsonNode templated = message(server.stateless("resources/read", "{'uri':'users://7/profile'}"));
    JsonNode templates = message(server.stateless("resources/templates/list", "{}"));

    assertThat(fixed.at("/result/contents/0/text").asText()).isEqualTo("Read me");
    assertThat(fixed.at("/result/ttlMs").asInt()).isZero();
    assertThat(templated.at("/result/contents/0/text").asText()).isEqualTo("{\"id\":7}");
    assertThat(templates.at("/result/resourceTemplates/0/uriTemplate").asText())
        .isEqualTo("users://{id}/profile");
  }

  @Test
  void unknownResourceIsInvalidParamsWithItsUriStatelessAndResourceNotFoundInLegacy() {
    JsonNode stateless = message(server.stateless("resources/read", "{'uri':'users://0/profile'}"));
    String session = server.initialize("2025-11-25", "{}");
    JsonNode legacy = message(server.legacy(session, "resources/read", "{'uri':'nope://x'}"));

    assertThat(stateless.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(stateless.at("/error/data/uri").asText()).isEqualTo("users://0/profile");
    assertThat(legacy.at("/error/code").asInt()).isEqualTo(-32002);
  }

  @Test
  void promptsNeedTheirRequiredArguments() {
    JsonNode missing = message(server.stateless("prompts/get", "{'name':'review'}"));
    JsonNode given =
        message(
            server.stateless("prompts/get", "{'name':'review','arguments':{'language':'Java'}}"));

    assertThat(missing.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(missing.at("/error/message").asText()).contains("language");
    assertThat(given.at("/result/messages/0/content/text").asText()).isEqualTo("Review this Java");
  }

  @Test
  void completionReturnsAtMostAHundredValues() {
    JsonNode result =
        message(
                server.stateless(
                    "completion/complete",
                    "{'ref':{'type':'ref/prompt','name':'review'},'argument':{'name':'language','value':'J'}}"))
            .path("result");

    assertThat(result.at("/completion/values")).hasSize(100);
    assertThat(result.at("/completion/total").asInt()).isEqualTo(150);
    assertThat(result.at("/completion/hasMore").asBoolean()).isTrue();
  }

  @Test
  void toolResultMetaIsWrittenBesideTheServerIdentity() {
    var meta = TestServer.json("{'dev.mcpfleet/degraded':true}");
    try (TestServer tagged =
        TestServer.start(
            TestServer.tools(
                Fixture.tool(
                    "cached",
                    "Cached",
                    null,
                    true,
                    (c, x) -> ToolResult.text("old news").withMeta(meta))))) {
      JsonNode stateless = message(tagged.stateless("tools/call", "{'name':'cached'}"));
      String session = tagged.initialize("2025-11-25", "{}");
      JsonNode legacy = message(tagged.legacy(session, "tools/call", "{'name':'cached'}"));

      assertThat(stateless.at("/result/_meta/dev.mcpfleet~1degraded").asBoolean()).isTrue();
      assertThat(stateless.at("/result/_meta/io.modelcontextprotocol~1serverInfo/name").asText())
          .isEqualTo("test-server");
      assertThat(legacy.at("/result/_meta")).isEqualTo(meta);
    }
  }

  @Test
  void unknownToolIsInvalidParams() {
    JsonNode response = message(server.stateless("tools/call", "{'name':'missing'}"));

    assertThat(response.at("/error/code").asInt()).isEqualTo(-32602);
    assertThat(response.at("/error/message").asText()).contains("Unknown tool 'missing'");
  }

  @Test
  void toolExceptionsBecomeToolErrorsWithoutStackTraces() {
    try (TestServer failing =
        TestServer.start(
            TestServer.tools(
                Fixture.tool(
                    "boom",
                    "Throws",
                    null,
                    true,
                    (c, x) -> {
                      throw new IllegalStateException("upstream said no");
                    })))) {
      JsonNode result = message(failing.stateless("tools/call", "{'name':'boom'}")).path("result");

      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.at("/content/0/text").asText())
          .isEqualTo("Tool 'boom' failed: upstream said no");
    }
  }
}
