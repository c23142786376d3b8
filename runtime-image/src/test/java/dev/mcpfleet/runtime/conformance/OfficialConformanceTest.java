package dev.mcpfleet.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.node.ConformanceSuite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite scores the runtime, serving the suite's fixtures: the 0.1.16
 * active suite (2025-06-18/2025-11-25, sessions), and the 0.2.0-alpha.12 requirement sets of
 * 2025-11-25 and 2026-07-28 (stateless). A failing scored scenario fails the build; the 2026-07-28
 * set also runs the tasks extension, which is not scored and not implemented.
 */
class OfficialConformanceTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static RuntimeServer server;
  private static String url;

  @BeforeAll
  static void startFixtures() throws InterruptedException {
    server = ConformanceServer.start(RuntimeConfig.builder().port(0).build());
    // A localhost URL: the DNS-rebinding scenario only runs against one.
    url = "http://localhost:" + server.address().getPort() + "/mcp";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void activeSuiteOfRevision20251125PassesEveryScenario() {
    ConformanceSuite.Run run = ConformanceSuite.run("0.1.16", url, List.of(), TIMEOUT);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.failed()).as(run.output()).isZero();
    assertThat(run.scenarioLines()).as(run.output()).hasSize(30).allMatch(l -> l.startsWith("✓"));
  }

  @Test
  void requirementsOfRevision20251125PassWithSessionLifecycle() {
    ConformanceSuite.Run run =
        ConformanceSuite.run(
            "0.2.0-alpha.12", url, List.of("--requirements", "2025-11-25"), TIMEOUT);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.failed()).as(run.output()).isZero();
    assertThat(run.output()).contains("✓ server-session-lifecycle");
  }

  @Test
  void requirementsOfRevision20260728PassEveryScoredScenario() {
    ConformanceSuite.Run run =
        ConformanceSuite.run(
            "0.2.0-alpha.12", url, List.of("--requirements", "2026-07-28"), TIMEOUT);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .as("the scored stateless and input-required scenarios ran")
        .contains("✓ server-stateless")
        .contains("✓ caching")
        .contains("✓ input-required-result-tampered-state")
        .contains("✓ http-custom-header-server-validation");
    List<String> failedScored =
        run.scenarioLines().stream()
            .filter(l -> l.startsWith("✗") && !l.contains("tasks-"))
            .toList();
    assertThat(failedScored).as(run.output()).isEmpty();
  }
}
