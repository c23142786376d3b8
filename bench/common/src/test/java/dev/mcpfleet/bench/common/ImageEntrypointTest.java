package dev.mcpfleet.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEntrypointTest {

  @TempDir Path dir;

  @Test
  void jvmOptionsAreTheWordsBetweenJavaAndJar() throws Exception {
    Path dockerfile =
        write(
            "FROM eclipse-temurin:25-jre\n"
                + "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-Dname=a \\\"b\\\"\","
                + " \"-jar\", \"/opt/app.jar\"]\nCMD [\"serve\"]\n");

    assertThat(ImageEntrypoint.jvmOptions(dockerfile))
        .containsExactly("-XX:MaxRAMPercentage=75", "-Dname=a \"b\"");
  }

  @Test
  void entrypointThatIsNotJavaJarIsRefusedWithWhatWasExpected() throws Exception {
    Path dockerfile = write("FROM scratch\nENTRYPOINT [\"/bin/app\"]\n");

    assertThatThrownBy(() -> ImageEntrypoint.jvmOptions(dockerfile))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected ENTRYPOINT [\"java\"");
  }

  @Test
  void trainingRunIsTheRunOfJavaThatWritesAnAotCache() throws Exception {
    Path dockerfile =
        write(
            "FROM eclipse-temurin:25-jre\n"
                + "RUN [\"mkdir\", \"/opt/app\"]\n"
                + "RUN [\"java\", \"-XX:AOTCacheOutput=/opt/app/app.aot\", \"-jar\","
                + " \"/opt/app/app.jar\", \"train\"]\n"
                + "ENTRYPOINT [\"java\", \"-XX:AOTCache=/opt/app/app.aot\", \"-jar\","
                + " \"/opt/app/app.jar\"]\n");

    assertThat(ImageEntrypoint.trainingRun(dockerfile))
        .containsExactly(
            "java", "-XX:AOTCacheOutput=/opt/app/app.aot", "-jar", "/opt/app/app.jar", "train");
    assertThat(ImageEntrypoint.jar(dockerfile)).isEqualTo("/opt/app/app.jar");
  }

  @Test
  void imageWithoutTrainingRunHasNone() throws Exception {
    Path dockerfile = write("FROM scratch\nRUN [\"mkdir\", \"/x\"]\nENTRYPOINT [\"/bin/app\"]\n");

    assertThat(ImageEntrypoint.trainingRun(dockerfile)).isEmpty();
  }

  @Test
  void localizeMapsTheImageDirectoryInPathsAndOptionValues() {
    Path local = Path.of("/work/target");

    assertThat(
            ImageEntrypoint.localize(
                java.util.List.of("-XX:AOTCache=/opt/app/app.aot", "/opt/app/app.jar", "-Xss1m"),
                "/opt/app",
                local))
        .containsExactly("-XX:AOTCache=/work/target/app.aot", "/work/target/app.jar", "-Xss1m");
  }

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("Dockerfile"), text);
  }
}
