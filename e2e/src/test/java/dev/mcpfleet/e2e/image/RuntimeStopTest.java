package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.RuntimeImage;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod stopping during a rolling update: the kubelet sends the runtime SIGTERM while a tool call
 * waits on a slow upstream API. The call must still be answered, then the process must end by
 * itself within the guide's grace period, well before the kubelet's SIGKILL.
 */
class RuntimeStopTest {

  private static final Duration UPSTREAM_DELAY = Duration.ofMillis(1500);

  @Test
  void sigtermLetsTheCallInFlightAnswerThenTheProcessEnds(@TempDir Path pod) throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    HttpServer upstream = slowUpstream(arrived);
    try {
      Path definition = pod.resolve("mcpserver.yaml");
      Files.writeString(definition, manifest(upstream.getAddress().getPort()));

      try (RuntimeProcess runtime =
              RuntimeProcess.start(RuntimeImage.serving(definition), Map.of(), pod);
          McpSyncClient client = McpClients.connect(runtime.mcpUrl(), null)) {
        // Its own thread: the SDK may hand answers to the common pool, which a blocked caller
        // starves.
        ExecutorService caller = Executors.newSingleThreadExecutor();
        CompletableFuture<McpSchema.CallToolResult> call =
            CompletableFuture.supplyAsync(
                () -> client.callTool(new McpSchema.CallToolRequest("slow", Map.of())), caller);
        assertThat(arrived.await(20, TimeUnit.SECONDS))
            .as("the call reached the upstream")
            .isTrue();

        OptionalInt exit = runtime.terminate(Duration.ofSeconds(15));
        McpSchema.CallToolResult result = call.get(5, TimeUnit.SECONDS);

        assertThat(result.isError()).as("result: %s", result).isNotEqualTo(Boolean.TRUE);
        assertThat(((McpSchema.TextContent) result.content().getFirst()).text())
            .contains("finally");
        assertThat(exit)
            .as("the runtime ended by itself; output:\n%s", runtime.output())
            .isPresent();
        caller.shutdown();
      }
    } finally {
      upstream.stop(0);
    }
  }

  /** An API that takes its time: it says when a request arrived, then answers after a delay. */
  private static HttpServer slowUpstream(CountDownLatch arrived) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            arrived.countDown();
            Thread.sleep(UPSTREAM_DELAY.toMillis());
            byte[] body = "{\"answer\":\"finally\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  private static String manifest(int port) {
    return """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: slow}
        spec:
          server:
            name: slow
            version: 1.0.0
            tools:
              - name: slow
                description: Asks an API that takes its time.
                http: {url: "http://127.0.0.1:%d/answer"}
          network:
            egress: {allowedHosts: [127.0.0.1], ports: [%d]}
        """
        .formatted(port, port);
  }
}
