package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mcp-fleet serve samples/hello.yaml} from the repository root, as a user runs it: the
 * launcher finds a JDK, starts the packaged runtime, and the server answers a tool call. Runs after
 * {@code package} (failsafe), so the launcher finds a fresh jar. The time from process start to the
 * first answered call is measured and written to target/startup.txt, never asserted.
 */
class McpFleetLauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ENDPOINT =
      Pattern.compile("MCP endpoint  (http://127\\.0\\.0\\.1:\\d+/mcp)");
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\","
          + "\"arguments\":{\"name\":\"Ada\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
          + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";

  @Test
  void theLauncherServesTheHelloSampleAndAnswersACall() throws Exception {
    NodeHarness.Result version =
        NodeHarness.exec(
            ROOT, List.of("./mcp-fleet", "--version"), Map.of(), Duration.ofMinutes(10));
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.stdout()).startsWith("mcp-fleet ");
    Path out = Files.createTempFile("mcp-fleet-serve", ".out");
    HttpClient http = warmedUpClient();

    // Port 0: the server picks a free port and prints it, so no other test can take it first.
    long started = System.nanoTime();
    Process serve =
        new ProcessBuilder("./mcp-fleet", "serve", "samples/hello.yaml", "--port", "0")
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String answer = firstAnswer(http, out, serve);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(answer).contains("Hello, Ada!");
      report(millis);
      assertThat(Files.readString(out)).contains("npx -y @modelcontextprotocol/inspector");
      assertThatThePrintedCurlCommandListsTheTools(Files.readString(out));
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }
  }

  /** Waits for the printed endpoint, then posts the call until the server answers it. */
  private static String firstAnswer(HttpClient http, Path out, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    HttpRequest call = null;
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive()).as("serve is running: %s", Files.readString(out)).isTrue();
      if (call == null) {
        Matcher endpoint = ENDPOINT.matcher(Files.readString(out));
        call = endpoint.find() ? call(endpoint.group(1)) : null;
      }
      if (call != null) {
        try {
          HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return response.body();
          }
        } catch (IOException notYetAnswering) {
          // retry
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("serve did not answer within 2 minutes: " + Files.readString(out));
  }

  /** A client whose classes are loaded, so that the measured time is the server's, not ours. */
  private static HttpClient warmedUpClient() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    try {
      http.send(call("http://127.0.0.1:9/mcp"), HttpResponse.BodyHandlers.ofString());
    } catch (IOException expected) {
      // nothing listens on the discard port
    }
    return http;
  }

  private static HttpRequest call(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", "greet")
        .POST(HttpRequest.BodyPublishers.ofString(CALL))
        .build();
  }

  private static void assertThatThePrintedCurlCommandListsTheTools(String printed) {
    String curl =
        printed
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("curl -s "))
            .findFirst()
            .orElseThrow();
    if (!Files.isExecutable(Path.of("/usr/bin/curl"))) {
      return; // nothing to run it with here
    }
    NodeHarness.Result run =
        NodeHarness.exec(ROOT, List.of("bash", "-c", curl), Map.of(), Duration.ofSeconds(30));
    assertThat(run.stdout()).as(run.output()).contains("\"name\":\"greet\"");
  }

  private static void report(long millis) throws IOException {
    String line =
        "./mcp-fleet serve samples/hello.yaml: first tools/call answered "
            + millis
            + " ms after the process started (McpFleetLauncherIT, "
            + Runtime.getRuntime().availableProcessors()
            + " cores)\n";
    System.out.print(line);
    Files.writeString(Path.of("target", "startup.txt"), line, StandardCharsets.UTF_8);
  }
}
