package dev.mcpfleet.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void fullRunMeasuresThreeConnectionCountsAndWritesThePerformancePage() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(options.mode()).isEqualTo(BenchOptions.Mode.FULL);
    assertThat(options.connections()).containsExactly(1, 16, 64);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.loadRounds()).isEqualTo(3);
    assertThat(options.output())
        .hasToString(options.repo().resolve("docs/performance.md").toString());
    assertThat(options.section()).isEqualTo("runtime");
    assertThat(options.command()).isEqualTo("bench/runtime.sh");
  }

  @Test
  void smokeRunIsShortAndWritesNothing() {
    BenchOptions options = BenchOptions.parse(new String[] {"--smoke"});

    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.warmup()).isZero();
    assertThat(options.output()).isNull();
  }

  @Test
  void guideRunWritesItsOwnSection() {
    assertThat(BenchOptions.parse(new String[] {"--guide"}).section()).isEqualTo("runtime-guide");
  }

  @Test
  void startupRunStartsEachServerFiveTimesAndWritesItsOwnSection() {
    BenchOptions options = BenchOptions.parse(new String[] {"--startup", "--only", "runtime-text"});

    assertThat(options.mode()).isEqualTo(BenchOptions.Mode.STARTUP);
    assertThat(options.startupRounds()).isEqualTo(5);
    assertThat(options.section()).isEqualTo("runtime-startup");
    assertThat(options.selects("runtime-text")).isTrue();
  }

  @Test
  void optionsOverrideTheModeDefaults() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--smoke", "--connections", "2,8", "--only", "java-sdk", "--no-pin"});

    assertThat(options.connections()).containsExactly(2, 8);
    assertThat(options.selects("java-sdk")).isTrue();
    assertThat(options.selects("netty-fixed")).isFalse();
    assertThat(options.pin()).isFalse();
  }

  @Test
  void unknownOptionSaysWhichOptionsExist() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --fast")
        .hasMessageContaining("--smoke");
  }

  @Test
  void aWrongValueOrTwoModesSayWhatIsWrong() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rounds", "many"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rounds")
        .hasMessageContaining("many");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--smoke", "--guide"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mutually exclusive");
  }
}
