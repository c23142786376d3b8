package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mcp-fleet serve samples/hello.yaml} from the repository root, as a user runs it: the
 * launcher finds a JDK, starts the packaged runtime, and the server answers a tool call. Runs after
 * {@code package} (failsafe), so the launcher finds a fresh jar. The time from process start to the
 * first answered call is measured and written to target/startup.txt, never asserted.
 */
class McpFleetLauncherIT {

  @Test
  void theLauncherServesTheHelloSampleAndAnswersACall() throws Exception {
    NodeHarness.Result version = Launcher.run(Map.of(), "--version");
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.stdout()).startsWith("mcp-fleet ");
    Path out = Files.createTempFile("mcp-fleet-serve", ".out");
    HttpClient http = Launcher.warmedUpClient();

    long started = System.nanoTime();
    Process serve = Launcher.serveHello(out);
    try {
      String answer = Launcher.firstAnswer(http, out, serve);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(answer).contains("Hello, Ada!");
      report(millis);
      assertThat(Files.readString(out)).contains("npx -y @modelcontextprotocol/inspector");
      assertThatThePrintedCurlCommandListsTheTools(Files.readString(out));
    } finally {
      Launcher.stop(serve);
    }
  }

  @Test
  void theRuntimeKeepsBothCompilersAndTheirUsualThresholds() {
    // The JVM prints the settings it runs with. Raised thresholds (CompileThresholdScaling=10)
    // start a third sooner but served 5 % of the calls in the first 30 s of load
    // (docs/performance.md).
    NodeHarness.Result flags =
        Launcher.run(Map.of("MCP_FLEET_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

    assertThat(flags.exitCode()).as(flags.output()).isZero();
    assertThat(flags.stdout())
        .containsPattern("double CompileThresholdScaling += 1\\.0+ ")
        .containsPattern("intx TieredStopAtLevel += 4 ")
        .containsPattern("bool UseSerialGC += true ");
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
        NodeHarness.exec(
            Launcher.ROOT, List.of("bash", "-c", curl), Map.of(), Duration.ofSeconds(30));
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
