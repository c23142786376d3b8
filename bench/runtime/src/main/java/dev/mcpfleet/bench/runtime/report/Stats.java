package dev.mcpfleet.bench.runtime.report;

import java.util.List;

/** Small statistics over a handful of measurements. */
final class Stats {

  private Stats() {}

  /** The median (the mean of the middle two for an even count); 0 for none. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
