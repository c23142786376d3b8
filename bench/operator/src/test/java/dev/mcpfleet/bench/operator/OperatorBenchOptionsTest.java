package dev.mcpfleet.bench.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorBenchOptionsTest {

  @Test
  void fullRunMeasuresAHundredAndAThousandServersWithFiveMinutesOfSteadyState() {
    OperatorBenchOptions options = OperatorBenchOptions.parse(new String[0]);

    assertThat(options.sizes()).containsExactly(100, 1000);
    assertThat(options.namespaces()).isEqualTo(10);
    assertThat(options.steady()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.output())
        .hasToString(options.repo().resolve("docs/performance.md").toString());
    assertThat(options.runDir().toString()).endsWith("bench/operator/target/bench-run");
    assertThat(options.command()).isEqualTo("bench/operator.sh");
  }

  @Test
  void smokeRunIsSmallAndWritesNothingUnlessAsked() {
    OperatorBenchOptions options =
        OperatorBenchOptions.parse(
            new String[] {"--smoke", "--operator-jvm", " -Xmx128m  -XX:+UseSerialGC "});

    assertThat(options.sizes()).containsExactly(20);
    assertThat(options.output()).isNull();
    assertThat(options.operatorJvm()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
    assertThat(options.command()).startsWith("bench/operator.sh --smoke");
  }

  @Test
  void unknownOptionSaysWhichOptionsExist() {
    assertThatThrownBy(() -> OperatorBenchOptions.parse(new String[] {"--size", "5"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --size")
        .hasMessageContaining("--sizes 100,1000");
  }
}
