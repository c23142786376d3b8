package dev.mcpfleet.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEachUnitAndSums() {
    assertThat(Durations.parse("500ms", null)).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s", null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m", null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h", null)).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1m30s", null)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void absentTextGivesTheFallback() {
    assertThat(Durations.parse(null, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void rejectsOtherNotationsWithAnExample() {
    assertThatThrownBy(() -> Durations.parse("30", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'30' is not a duration; write it like 500ms, 30s, 5m, 1h or 1m30s");
    assertThatThrownBy(() -> Durations.parse("PT30S", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
