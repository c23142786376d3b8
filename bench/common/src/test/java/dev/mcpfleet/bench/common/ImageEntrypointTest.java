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

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("Dockerfile"), text);
  }
}
