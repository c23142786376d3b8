package dev.mcpfleet.e2e.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.Dockerfile;
import dev.mcpfleet.e2e.support.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The operator image: built like the runtime's (Dockerfile, or Jib with -Pimage), named as the
 * chart expects it, and its entrypoint starts the operator from the built distribution.
 */
class OperatorImageTest {

  static final Path CONTEXT = Repository.resolve("operator");
  static final Dockerfile IMAGE = Dockerfile.read(CONTEXT.resolve("Dockerfile"));
  static final JibConfig JIB = JibConfig.of("operator");

  @Test
  void imageRunsOnTheTemurin25JreAsANonRootUserOnTheChartsPort() {
    assertThat(IMAGE.from()).isEqualTo("eclipse-temurin:25-jre");
    assertThat(IMAGE.user()).matches("[1-9][0-9]*:[1-9][0-9]*");
    assertThat(IMAGE.exposedPorts()).containsExactly(8080);
  }

  @Test
  void jibBuildsTheSameImageUnderTheNameTheChartDeploys() throws IOException {
    assertThat(JIB.from()).isEqualTo(IMAGE.from());
    assertThat(JIB.user()).isEqualTo(IMAGE.user());
    assertThat(JIB.ports()).containsExactly("8080");
    try (JarFile jar = new JarFile(CONTEXT.resolve("target/mcp-fleet-operator.jar").toFile())) {
      assertThat(JIB.mainClass())
          .isEqualTo(jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    assertThat(JIB.to()).isEqualTo("mcp-fleet/operator:" + Repository.projectVersion());
  }

  @Test
  void entrypointStartsTheOperatorFromTheBuiltDistribution() throws Exception {
    List<String> command = new java.util.ArrayList<>(IMAGE.localCommandLine(CONTEXT, Map.of()));
    command.add("rbac");

    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).directory(CONTEXT.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("mcpservers/status").contains("deployments");
  }
}
