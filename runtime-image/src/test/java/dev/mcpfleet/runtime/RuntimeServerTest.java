package dev.mcpfleet.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server's life: where it listens, its defaults, and a graceful close. */
class RuntimeServerTest {

  @Test
  void loopbackBindAdmitsOnlyLocalHostsAndOrigins() {
    RuntimeConfig config = RuntimeConfig.builder().build();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.allowedHosts()).containsExactlyInAnyOrder("localhost", "127.0.0.1", "[::1]");
    assertThat(config.allowedOrigins()).contains("http://localhost", "http://127.0.0.1");
  }

  @Test
  void clusterBindAdmitsAnyHostButNoBrowserOrigin() {
    RuntimeConfig config = RuntimeConfig.builder().host("0.0.0.0").build();

    assertThat(config.allowedHosts()).containsExactly(RuntimeConfig.ANY);
    assertThat(config.allowedOrigins()).isEmpty();
  }

  @Test
  void portZeroBindsAFreePortAndTheUrlNamesIt() {
    try (TestServer server = TestServer.start(TestServer.tools())) {
      int port = server.runtime().address().getPort();

      assertThat(port).isPositive();
      assertThat(server.runtime().url()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
    }
  }

  @Test
  void aServerOnEveryInterfaceNamesTheLoopbackUrl() {
    try (TestServer server =
        TestServer.start(TestServer.tools(), b -> b.host("0.0.0.0"), d -> Pipeline.bare())) {
      int port = server.runtime().address().getPort();

      assertThat(server.runtime().address().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(server.runtime().url()).isEqualTo("http://127.0.0.1:" + port + "/mcp");
    }
  }

  @Test
  void closeLetsACallInFlightFinishAndAnswer() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TestServer server = slowServer(started);
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(() -> server.stateless("tools/call", "{'name':'slow'}"));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    server.close();

    HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
    assertThat(TestServer.message(response).at("/result/content/0/text").asText())
        .isEqualTo("finished");
  }

  @Test
  void closeAnswersASessionsCallInFlightThoughItsGetStreamEnds() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    TestServer server = slowServer(started);
    // A session as the official Java SDK holds one: its GET stream open while it calls.
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(
                        server.runtime().url().replace("/mcp", ""))
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    // Its own thread: the SDK may hand answers to the common pool, which a blocked caller starves.
    ExecutorService caller = Executors.newSingleThreadExecutor();
    CompletableFuture<McpSchema.CallToolResult> answer =
        CompletableFuture.supplyAsync(
            () -> client.callTool(new McpSchema.CallToolRequest("slow", Map.of())), caller);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    server.close();

    McpSchema.CallToolResult result = answer.get(10, TimeUnit.SECONDS);
    assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).isEqualTo("finished");
    client.closeGracefully();
    caller.shutdown();
  }

  @Test
  void invalidSettingsAreRefusedWithWhatToFix() {
    RuntimeConfig.Builder builder = RuntimeConfig.builder().port(70_000);

    org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
        .hasMessageContaining("port must be 0-65535");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RuntimeConfig.builder().mcpPath("mcp").build())
        .hasMessageContaining("must start with '/'");
    assertThat(RuntimeConfig.builder().build().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
  }

  /** A server whose one tool, slow, says when it started and answers "finished" after 400 ms. */
  private static TestServer slowServer(CountDownLatch started) {
    return TestServer.start(
        TestServer.tools(
            Fixture.tool(
                "slow",
                "Takes a while",
                null,
                false,
                (call, ctx) -> {
                  started.countDown();
                  Thread.sleep(400);
                  return ToolResult.text("finished");
                })));
  }
}
