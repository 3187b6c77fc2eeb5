package dev.tensile.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's results, looked up by metric, variant and item: numbers by the median of their repeats,
 * text by its latest value.
 */
public final class Results {
  private final List<Result> all;

  /**
   * Wraps results.
   *
   * @param all the results, in the order they were recorded
   */
  public Results(List<Result> all) {
    this.all = List.copyOf(all);
  }

  /**
   * Returns a numeric result; a measurement repeated in several processes gives the median of its
   * values.
   *
   * @param metric the metric
   * @param variant the variant
   * @param item the item
   * @return the median of the matching values, or empty
   */
  public OptionalDouble number(String metric, String variant, String item) {
    double[] values = values(metric, variant, item);
    return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Stats.median(values));
  }

  /**
   * Returns every value recorded for a measurement, in recorded order.
   *
   * @param metric the metric
   * @param variant the variant
   * @param item the item
   * @return the values; empty if none
   */
  public double[] values(String metric, String variant, String item) {
    return all.stream()
        .filter(
            r -> r.metric().equals(metric) && r.variant().equals(variant) && r.item().equals(item))
        .mapToDouble(Result::number)
        .toArray();
  }

  /**
   * Returns a result as text.
   *
   * @param metric the metric
   * @param variant the variant
   * @param item the item
   * @return the latest matching value, or empty
   */
  public Optional<String> text(String metric, String variant, String item) {
    for (int i = all.size() - 1; i >= 0; i--) {
      Result r = all.get(i);
      if (r.metric().equals(metric) && r.variant().equals(variant) && r.item().equals(item)) {
        return Optional.of(r.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the variants that recorded a metric, in order of first appearance.
   *
   * @param metric the metric
   * @return distinct variants
   */
  public List<String> variants(String metric) {
    List<String> out = new ArrayList<>();
    for (Result r : all) {
      if (r.metric().equals(metric) && !out.contains(r.variant())) {
        out.add(r.variant());
      }
    }
    return out;
  }

  /**
   * Returns the items recorded for a metric: first those of {@code order} that occur, in that
   * order, then any others in order of first appearance.
   *
   * @param metric the metric
   * @param order the preferred order
   * @return distinct items
   */
  public List<String> items(String metric, List<String> order) {
    List<String> seen = new ArrayList<>();
    for (Result r : all) {
      if (r.metric().equals(metric) && !seen.contains(r.item())) {
        seen.add(r.item());
      }
    }
    List<String> out = new ArrayList<>();
    for (String item : order) {
      if (seen.contains(item)) {
        out.add(item);
      }
    }
    for (String item : seen) {
      if (!out.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * Returns every result of a metric.
   *
   * @param metric the metric
   * @return the results in recorded order
   */
  public List<Result> all(String metric) {
    List<Result> out = new ArrayList<>();
    for (Result r : all) {
      if (r.metric().equals(metric)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Returns the Tensile variant on a JDK with the lowest value of a metric for an item, e.g. the
   * fastest engine for {@code relu_adam_b32}.
   *
   * @param metric the metric, lower being better
   * @param item the item
   * @param jdk the suffix that names the JDK, e.g. {@code -jdk17}
   * @return the best variant, or empty if none recorded it
   */
  public Optional<String> bestTensile(String metric, String item, String jdk) {
    String best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (String v : variants(metric)) {
      OptionalDouble value = number(metric, v, item);
      if (v.startsWith("tensile-")
          && v.endsWith(jdk)
          && value.isPresent()
          && value.getAsDouble() < bestValue) {
        best = v;
        bestValue = value.getAsDouble();
      }
    }
    return Optional.ofNullable(best);
  }
}
