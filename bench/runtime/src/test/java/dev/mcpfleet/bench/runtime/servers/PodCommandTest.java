package dev.mcpfleet.bench.runtime.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodCommandTest {

  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void podCommandKeepsTheImageJvmOptionsAndSizesTheJvmForTheGuideMemoryLimit() {
    List<String> image = PodCommand.entrypoint(REPO.resolve("runtime-image/Dockerfile"));

    List<String> command = PodCommand.of(REPO);

    assertThat(command.get(0)).endsWith("/bin/java");
    assertThat(command).containsAll(image.subList(1, image.indexOf("-jar")));
    assertThat(command).contains("-XX:MaxRAM=512m");
    assertThat(command.subList(command.size() - 2, command.size()))
        .containsExactly("-jar", PodCommand.jar(REPO).toString());
  }

  @Test
  void dockerfileWithoutAJavaEntrypointIsRefusedWithWhatWasExpected(@TempDir Path repo)
      throws Exception {
    Files.createDirectories(repo.resolve("runtime-image"));
    Files.writeString(repo.resolve("runtime-image/Dockerfile"), "FROM scratch\nCMD [\"serve\"]\n");

    assertThatThrownBy(() -> PodCommand.of(repo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected ENTRYPOINT [\"java\"");
  }
}
