package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.upstream.UpstreamFixture.call;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real npm package, {@code @modelcontextprotocol/server-memory}, run by the runtime with {@code
 * npx} as a pod runs it (the package downloaded from the npm registry on the first run, then from
 * npx's cache, kept with the tests' other Node installs).
 */
class NpmPackageUpstreamTest {

  static final String MEMORY_VERSION = "2026.8.31";

  @TempDir Path data;

  @Test
  void theMemoryServerFromNpmIsServedToClientsOfEveryRevision() throws Exception {
    NodeHarness node = UpstreamFixture.node();
    String manifest =
        """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: memory}
        spec:
          upstream:
            package:
              registryType: npm
              identifier: "@modelcontextprotocol/server-memory"
              version: "%s"
            env:
              - {name: MEMORY_FILE_PATH, value: "%s"}
        """
            .formatted(MEMORY_VERSION, data.resolve("memory.jsonl"));
    Map<String, String> env =
        UpstreamFixture.env(
            node,
            Map.of(
                "npm_config_cache",
                NodeHarness.cacheRoot().resolve("npx-cache").toString(),
                "npm_config_update_notifier",
                "false"));
    try (FrontingServer server =
        FrontingServer.start(manifest, env).awaitReady(Duration.ofMinutes(3))) {
      TestServer client = server.raw();

      var created =
          call(
              client,
              "create_entities",
              "{'entities':[{'name':'Ada','entityType':'person',"
                  + "'observations':['wrote the first program']}]}");
      McpSyncClient legacy = server.client(Map.of(), spec -> spec);
      var found =
          legacy.callTool(new McpSchema.CallToolRequest("search_nodes", Map.of("query", "Ada")));

      assertThat(server.upstream.status()).startsWith("serving memory-server");
      assertThat(created.path("result").path("isError").asBoolean()).isFalse();
      assertThat(text(created)).contains("Ada");
      assertThat(((McpSchema.TextContent) found.content().getFirst()).text())
          .contains("wrote the first program");
    }
  }
}
