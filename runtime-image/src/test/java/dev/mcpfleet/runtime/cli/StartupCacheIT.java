package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM's start-up cache as {@code ./mcp-fleet} keeps it beside the runtime jar: made once per
 * build by a training run, used by every start, made again when it no longer matches the JDK or the
 * jar, and never a reason not to start. The JVM proves that it uses the cache: it logs the cache it
 * opens, and with {@code -XX:AOTMode=on} it refuses to start from one it cannot use.
 */
class StartupCacheIT {

  private static final Path CACHE = Launcher.JAR.resolveSibling("mcp-fleet-runtime.aot");
  private static final Path MADE_BY = Launcher.JAR.resolveSibling("mcp-fleet-runtime.aot.jdk");

  /** The JVM says which cache it opens, and stops if it cannot use it. */
  private static final Map<String, String> CACHE_REQUIRED =
      Map.of("MCP_FLEET_JAVA_OPTS", "-XX:AOTMode=on -Xlog:aot=info:stderr");

  private static final String PREPARING = "preparing the start-up cache";

  @BeforeEach
  void aJdkWithAotCaches() {
    // The launcher runs the JDK this build runs on (JAVA_HOME); JDK 21 to 24 use AppCDS instead.
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
    NodeHarness.Result first = Launcher.run(Map.of(), "--version");
    assertThat(first.exitCode()).as(first.output()).isZero();
  }

  @Test
  void theLauncherMakesTheCacheOnceAndEveryStartUsesIt() throws Exception {
    NodeHarness.Result again = Launcher.run(CACHE_REQUIRED, "--version");

    assertUsed(again);
    assertThat(again.stderr()).doesNotContain(PREPARING);
    assertThat(Files.readString(MADE_BY))
        .contains(System.getProperty("java.home"))
        .contains(Runtime.version().toString())
        .contains(Launcher.JAR.toString());
  }

  @Test
  void aCacheMadeByAnotherJdkIsMadeAgainForThisOne() throws Exception {
    Files.writeString(MADE_BY, "/opt/another-jdk 25.0.1+8 " + Launcher.JAR + "\n");

    NodeHarness.Result run = Launcher.run(Map.of(), "--version");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stderr()).contains(PREPARING);
    assertThat(Files.readString(MADE_BY)).doesNotContain("another-jdk");
    assertUsed(Launcher.run(CACHE_REQUIRED, "--version"));
  }

  @Test
  void anUnusableCacheNeverStopsServeAndAChangedJarMakesItAgain() throws Exception {
    // A cache the JVM cannot read (as one of another JDK build would be), that the launcher trusts.
    Files.write(CACHE, new byte[64 * 1024]);
    Files.setLastModifiedTime(CACHE, FileTime.from(Instant.now().plusSeconds(5)));
    Path out = Files.createTempFile("mcp-fleet-serve", ".out");

    Process serve = Launcher.serveHello(out);
    try {
      assertThat(Launcher.firstAnswer(Launcher.warmedUpClient(), out, serve))
          .contains("Hello, Ada!");
    } finally {
      Launcher.stop(serve);
    }
    assertThat(Launcher.run(CACHE_REQUIRED, "--version").exitCode())
        .as("the JVM does not use the broken cache")
        .isNotZero();

    Files.setLastModifiedTime(Launcher.JAR, FileTime.from(Instant.now().plusSeconds(10)));
    NodeHarness.Result rebuilt = Launcher.run(Map.of(), "--version");

    assertThat(rebuilt.stderr()).contains(PREPARING);
    assertUsed(Launcher.run(CACHE_REQUIRED, "--version"));
  }

  private static void assertUsed(NodeHarness.Result run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stderr()).contains("Opened AOT cache " + CACHE);
  }
}
