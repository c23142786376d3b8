package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./mcp-fleet} from the repository root, as a user runs it, for the launcher's tests. */
final class Launcher {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = ROOT.resolve("runtime-image/target/mcp-fleet-runtime.jar");

  private static final Pattern ENDPOINT =
      Pattern.compile("MCP endpoint  (http://127\\.0\\.0\\.1:\\d+/mcp)");
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"greet\","
          + "\"arguments\":{\"name\":\"Ada\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
          + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";

  private Launcher() {}

  /** Runs {@code ./mcp-fleet args} to the end (it may build the runtime first). */
  static NodeHarness.Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("./mcp-fleet"));
    command.addAll(List.of(args));
    return NodeHarness.exec(ROOT, command, env, Duration.ofMinutes(10));
  }

  /** Starts {@code ./mcp-fleet serve samples/hello.yaml --port 0}, its output in {@code out}. */
  static Process serveHello(Path out) throws IOException {
    // Port 0: the server picks a free port and prints it, so no other test can take it first.
    return new ProcessBuilder("./mcp-fleet", "serve", "samples/hello.yaml", "--port", "0")
        .directory(ROOT.toFile())
        .redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** Waits for the printed endpoint, then calls greet until the server answers the call. */
  static String firstAnswer(HttpClient http, Path out, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    HttpRequest call = null;
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive()).as("serve is running: %s", Files.readString(out)).isTrue();
      if (call == null) {
        Matcher endpoint = ENDPOINT.matcher(Files.readString(out));
        call = endpoint.find() ? greet(endpoint.group(1)) : null;
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

  /** A client whose classes are loaded, so that a measured time is the server's, not ours. */
  static HttpClient warmedUpClient() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    try {
      http.send(greet("http://127.0.0.1:9/mcp"), HttpResponse.BodyHandlers.ofString());
    } catch (IOException expected) {
      // nothing listens on the discard port
    }
    return http;
  }

  /** Stops a serve process as Ctrl+C would, and checks that it stops. */
  static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
  }

  private static HttpRequest greet(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", "greet")
        .POST(HttpRequest.BodyPublishers.ofString(CALL))
        .build();
  }
}
