package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.Repository;
import java.io.IOException;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The Jib build ({@code ./mvnw -Pimage}), for users without a container engine, produces the same
 * runtime image as the Dockerfile: base, user, port, main class, JVM flags and arguments.
 */
class JibImageTest {

  static final JibConfig JIB = JibConfig.of("runtime-image");

  @Test
  void jibBuildsOnTheDockerfilesBaseAsItsUserOnItsPort() {
    assertThat(JIB.from()).isEqualTo(RuntimeImageTest.IMAGE.from());
    assertThat(JIB.user()).isEqualTo(RuntimeImageTest.IMAGE.user());
    assertThat(JIB.ports())
        .containsExactly(String.valueOf(RuntimeImageTest.IMAGE.exposedPorts().getFirst()));
  }

  @Test
  void jibRunsTheRuntimesMainWithThePodContractsArguments() throws IOException {
    try (JarFile jar =
        new JarFile(RuntimeImageTest.DISTRIBUTION.resolve("mcp-fleet-runtime.jar").toFile())) {
      assertThat(JIB.mainClass())
          .isEqualTo(jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    assertThat(JIB.args()).isEqualTo(RuntimeImageTest.POD_CONTRACT_ARGS);
    // All but the start-up cache: Jib runs nothing while it builds, so it cannot make the cache
    // that the Dockerfile's training run makes.
    assertThat(JIB.jvmFlags())
        .containsAll(
            RuntimeImageTest.IMAGE.entrypoint().stream()
                .filter(a -> a.startsWith("-XX:") && !a.startsWith("-XX:AOTCache="))
                .toList());
  }

  @Test
  void jibPushesTheImageNamedInTheParentPom() {
    assertThat(JIB.to())
        .isEqualTo(System.getProperty("mcpfleet.runtime.image"))
        .isEqualTo("mcp-fleet/runtime:" + Repository.projectVersion());
  }
}
