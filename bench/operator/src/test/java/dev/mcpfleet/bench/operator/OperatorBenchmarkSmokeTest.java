package dev.mcpfleet.bench.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.bench.common.Machine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator benchmark's smoke mode: both phases converge on the mock API server and every write
 * is counted. Never asserts timing.
 */
class OperatorBenchmarkSmokeTest {

  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @TempDir Path runDir;

  @Test
  void bothPhasesConvergeAndEveryWriteIsCounted() {
    OperatorBenchOptions options =
        OperatorBenchOptions.parse(
            new String[] {
              "--smoke",
              "--sizes",
              "10",
              "--steady",
              "1",
              "--repo",
              REPO.toString(),
              "--run-dir",
              runDir.toString()
            });
    Fleet fleet = new Fleet(REPO.resolve("samples/hello.yaml"), 10, options.namespaces());

    List<SizeFigures> figures = new OperatorBenchmark(options).run();

    SizeFigures only = figures.get(0);
    assertThat(only.size()).isEqualTo(10);
    // The tuned client writes each McpServer, its objects and its status: nothing more, nothing
    // less.
    assertThat(only.directWrites()).isEqualTo(10L * (1 + fleet.childKinds().size() + 1));
    assertThat(only.operatorWrites()).isGreaterThanOrEqualTo(10L * fleet.childKinds().size());
    assertThat(only.directSeconds()).isPositive();
    assertThat(only.operatorSeconds()).isPositive();
    assertThat(only.peakHeapBytes()).isPositive();
    assertThat(OperatorReport.markdown(options, "today", Machine.describe(), "0 0 0", figures))
        .contains("| 10 |")
        .contains("fabric8's mock");
  }
}
