package dev.mcpfleet.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.bench.runtime.LoadMatrix.Point;
import dev.mcpfleet.bench.runtime.load.LoadFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadMatrixTest {

  @Test
  void medianRoundIsReportedWithThePeakMemoryAndErrorsOfEveryRound() {
    Point slow = point(1000, 100, 0);
    Point middle = point(2000, 120, 1);
    Point fast = point(3000, 110, 2);

    Point median = LoadMatrix.median(List.of(fast, slow, middle));

    assertThat(median.load()).isSameAs(middle.load());
    assertThat(median.peakRssBytes()).isEqualTo(120);
    assertThat(median.roundErrors()).isEqualTo(3);
  }

  private static Point point(long checked, long rss, long errors) {
    LoadFigures load =
        new LoadFigures(
            checked + errors, 1_000_000, checked, errors, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 1.5, "");
    return new Point(16, load, 1.0, 0.5, rss, errors);
  }
}
