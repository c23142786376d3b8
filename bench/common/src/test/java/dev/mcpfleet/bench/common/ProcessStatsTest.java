package dev.mcpfleet.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {

  @Test
  void ownProcessUsesCpuAndMemory() {
    ProcessStats stats = ProcessStats.of(ProcessHandle.current().pid());

    assertThat(stats.rssBytes()).isGreaterThan(1024 * 1024);
    assertThat(stats.cpuTicks()).isPositive();
  }

  @Test
  void treeIncludesDescendantsAndTheirMemory(@TempDir Path dir) {
    try (ChildProcess parent =
        ChildProcess.start(
            "shell",
            List.of("sh", "-c", "sleep 30 & sleep 30 & wait"),
            dir,
            Map.of(),
            dir.resolve("shell.log"))) {
      ChildProcess.sleep(Duration.ofMillis(300));

      List<Long> tree = ProcessStats.tree(parent.pid());

      assertThat(tree).hasSize(3).startsWith(parent.pid());
      assertThat(ProcessStats.of(parent.pid()).rssBytes())
          .isGreaterThan(ProcessStats.of(tree.get(1)).rssBytes());
    }
  }

  @Test
  void goneProcessHasNoStats() {
    assertThat(ProcessStats.of(Long.MAX_VALUE)).isEqualTo(new ProcessStats(0, 0));
  }
}
