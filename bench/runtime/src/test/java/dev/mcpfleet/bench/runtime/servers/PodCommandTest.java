package dev.mcpfleet.bench.runtime.servers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.bench.common.ImageEntrypoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodCommandTest {

  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void podCommandKeepsTheImageJvmOptionsAndSizesTheJvmForTheGuideMemoryLimit() {
    List<String> image = ImageEntrypoint.jvmOptions(REPO.resolve("runtime-image/Dockerfile"));
    String target = PodCommand.jar(REPO).getParent() + "/";

    List<String> command = PodCommand.of(REPO);

    assertThat(command.get(0)).endsWith("/bin/java");
    assertThat(command)
        .containsAll(image.stream().map(o -> o.replace("/opt/mcp-fleet/", target)).toList())
        .contains("-XX:MaxRAM=512m")
        .noneMatch(word -> word.contains("/opt/mcp-fleet/"));
    assertThat(command.subList(command.size() - 2, command.size()))
        .containsExactly("-jar", PodCommand.jar(REPO).toString());
  }
}
