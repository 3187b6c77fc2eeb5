package dev.tensile.benchmarks;

import java.util.Arrays;

/** Small statistics over repeated timings. */
public final class Stats {
  private Stats() {}

  /**
   * The median: the middle value, or the mean of the two middle values for an even count.
   *
   * @param values the samples; not modified
   * @return the median
   * @throws IllegalArgumentException if there are no values
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median needs at least one value, got none");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
