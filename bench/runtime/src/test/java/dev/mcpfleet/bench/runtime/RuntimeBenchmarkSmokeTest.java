package dev.mcpfleet.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpfleet.bench.runtime.LoadMatrix.TargetFigures;
import dev.mcpfleet.bench.runtime.load.Wrk;
import dev.mcpfleet.bench.runtime.report.RuntimeReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke mode, as {@code bench/runtime.sh --smoke} runs it: every server starts as
 * its own process, answers right under load, and every answer was checked. Never asserts timing.
 */
class RuntimeBenchmarkSmokeTest {

  /** The repository: tests run in the module's directory. */
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @TempDir Path runDir;

  @Test
  void smokeRunChecksEveryAnswerOfEveryServerAndFindsNoError() {
    assumeTrue(Wrk.installed(), "wrk is not installed (apt-get install wrk; .ci/run does it)");
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--smoke",
              "--repo",
              REPO.toString(),
              "--run-dir",
              runDir.toString(),
              "--connections",
              "4"
            });

    RuntimeResults results = new RuntimeBenchmark(options).run();

    assertThat(results.load()).extracting(TargetFigures::name).contains("netty-fixed", "java-sdk");
    for (TargetFigures target : results.load()) {
      assertThat(target.points()).hasSize(1);
      assertThat(target.points().get(0).load().checked()).as(target.name()).isPositive();
    }
    assertThat(results.everyAnswerChecked()).isTrue();
    assertThat(results.errors()).isZero();
    assertThat(RuntimeReport.markdown(results))
        .contains("| netty-fixed | 2026-07-28 | 4 |")
        .contains("0 errors over all servers and runs | 0 errors | yes");
  }
}
