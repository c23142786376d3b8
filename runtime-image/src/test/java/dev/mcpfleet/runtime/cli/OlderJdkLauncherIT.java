package dev.mcpfleet.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.node.NodeHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mcp-fleet} on a JDK 21 to 24, which cannot use an AOT cache: it says so once, keeps the
 * JVM's own class archive instead, runs no training, and starts as usual. The JDK here is this
 * build's JDK presented as a JDK 21 (its {@code release} file says 21), which is all the launcher
 * reads to choose.
 */
class OlderJdkLauncherIT {

  private static final Path ARCHIVE = Launcher.JAR.resolveSibling("mcp-fleet-runtime.jsa");

  @TempDir Path jdk21;

  @AfterEach
  void removeTheArchive() throws IOException {
    Files.deleteIfExists(ARCHIVE);
  }

  @Test
  void aJdkWithoutAotCachesStartsWithANoteAndNoTrainingRun() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", presentedAsJdk21().toString());
    Files.deleteIfExists(ARCHIVE);

    NodeHarness.Result first = Launcher.run(env, "--version");
    NodeHarness.Result second = Launcher.run(env, "--version");

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.stdout()).startsWith("mcp-fleet ").doesNotContain("[warning]");
    assertThat(first.stderr())
        .contains("JDK 21 has no AOT start-up cache")
        .doesNotContain("preparing the start-up cache");
    assertThat(ARCHIVE).as("the JVM wrote its class archive when it stopped").exists();
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.stderr()).doesNotContain("AOT start-up cache");
  }

  /** This build's JDK, linked file by file, with a release file that says 21. */
  private Path presentedAsJdk21() throws IOException {
    Path real = Path.of(System.getProperty("java.home"));
    Files.createDirectories(jdk21.resolve("bin"));
    for (String tool : new String[] {"java", "javac"}) {
      Files.createSymbolicLink(
          jdk21.resolve("bin").resolve(tool), real.resolve("bin").resolve(tool));
    }
    Files.writeString(
        jdk21.resolve("release"),
        "JAVA_VERSION=\"21.0.5\"\nJAVA_RUNTIME_VERSION=\"21.0.5+11-LTS\"\n");
    return jdk21;
  }
}
