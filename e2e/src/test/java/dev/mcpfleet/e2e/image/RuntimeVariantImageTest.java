package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.Dockerfile;
import dev.mcpfleet.e2e.support.RuntimeImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime image variants that run package upstreams (Dockerfile.node with npx,
 * Dockerfile.python with uvx) are the runtime image plus a package runner: the same base, user,
 * port, files, default arguments and main, with half the memory for the JVM so the child process
 * has room.
 */
class RuntimeVariantImageTest {

  static final Dockerfile RUNTIME = RuntimeImage.DOCKERFILE;

  private static List<String> withHeap(List<String> entrypoint, String percent) {
    List<String> expected = new ArrayList<>();
    for (String part : entrypoint) {
      expected.add(
          part.startsWith("-XX:MaxRAMPercentage=") ? "-XX:MaxRAMPercentage=" + percent : part);
    }
    return expected;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.node", "Dockerfile.python"})
  void aVariantIsTheRuntimeImagePlusAPackageRunner(String file) {
    Dockerfile variant = Dockerfile.read(RuntimeImage.CONTEXT.resolve(file));

    assertThat(variant.from()).isEqualTo(RUNTIME.from());
    assertThat(variant.user()).isEqualTo(RUNTIME.user());
    assertThat(variant.exposedPorts()).isEqualTo(RUNTIME.exposedPorts());
    assertThat(variant.cmd()).isEqualTo(RUNTIME.cmd());
    assertThat(variant.entrypoint()).isEqualTo(withHeap(RUNTIME.entrypoint(), "50"));
    assertThat(variant.copies()).containsAllEntriesOf(RUNTIME.copies());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.node:npx", "Dockerfile.python:uvx"})
  void aVariantsBuildRunsTheRunnerTheRuntimeStarts(String fileAndRunner) throws IOException {
    String[] parts = fileAndRunner.split(":");
    String text = Files.readString(RuntimeImage.CONTEXT.resolve(parts[0]));

    // The build fails unless the runner the runtime's command line names is on the PATH.
    assertThat(text).containsPattern("(?m)^RUN .*" + parts[1] + " --version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.node", "Dockerfile.python"})
  void aVariantMakesTheStartUpCacheItsEntrypointUses(String file) throws IOException {
    String training =
        Files.readString(RuntimeImage.CONTEXT.resolve("Dockerfile"))
            .lines()
            .filter(line -> line.startsWith("RUN [\"java\", \"-XX:AOTCacheOutput="))
            .findFirst()
            .orElseThrow();

    // The same training run as the runtime image, after the jar is copied in.
    String text = Files.readString(RuntimeImage.CONTEXT.resolve(file));
    assertThat(text).contains(training + "\n");
    assertThat(text.indexOf(training))
        .isGreaterThan(text.indexOf("COPY target/mcp-fleet-runtime.jar"));
  }
}
