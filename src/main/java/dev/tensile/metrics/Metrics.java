package dev.tensile.metrics;

import java.util.Locale;

/** Keras's metric names, resolved against the shapes of targets and outputs. */
public final class Metrics {
  private Metrics() {}

  /**
   * Resolves a metric name as Keras does. {@code "accuracy"} (or {@code "acc"}) becomes binary
   * accuracy if the output has one unit, sparse categorical accuracy if targets are class indices,
   * and categorical accuracy otherwise; the metric keeps the name as given, so the history key is
   * {@code accuracy} or {@code acc}.
   *
   * @param name the metric name
   * @param sparseTargets true if targets hold one class index per row
   * @param outputWidth the number of outputs per row
   * @return a new metric
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Metric get(String name, boolean sparseTargets, int outputWidth) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "accuracy":
      case "acc":
        if (outputWidth == 1) {
          return new BinaryAccuracy(name);
        }
        return sparseTargets ? new SparseCategoricalAccuracy(name) : new CategoricalAccuracy(name);
      case "sparse_categorical_accuracy":
        return new SparseCategoricalAccuracy(name);
      case "categorical_accuracy":
        return new CategoricalAccuracy(name);
      case "binary_accuracy":
        return new BinaryAccuracy(name);
      default:
        throw new IllegalArgumentException(
            "unknown metric '" + name + "': expected one of accuracy, acc, binary_accuracy, "
                + "categorical_accuracy, sparse_categorical_accuracy");
    }
  }

  /**
   * Checks a metric name without resolving it, so that compile fails early on a typo.
   *
   * @param name the metric name
   * @throws IllegalArgumentException for an unknown name
   */
  public static void check(String name) {
    get(name, true, 2);
  }
}
