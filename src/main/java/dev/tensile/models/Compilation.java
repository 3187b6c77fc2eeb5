package dev.tensile.models;

import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.metrics.Metrics;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@code compile} call set: the optimizer, the loss and the metrics. A metric given by
 * name is resolved against the first targets it sees (Keras's {@code "accuracy"} becomes binary,
 * sparse or categorical accuracy), once per compile; a {@link Metric} object is used as given. One
 * metric instance serves training and evaluation, reset at the start of each, as in Keras.
 */
final class Compilation {
  private final Optimizer optimizer;
  private final Loss loss;
  /** Each entry is a metric name (a String) or a Metric; resolved in {@link #metrics}. */
  private final List<Object> specs;
  private final List<String> metricNames;
  private List<Metric> metrics;

  private Compilation(Optimizer optimizer, Loss loss, List<Object> specs, List<String> names) {
    this.optimizer = optimizer;
    this.loss = loss;
    this.specs = specs;
    this.metricNames = names;
  }

  /**
   * Checks and records compile's arguments.
   *
   * @param metrics each a String name or a Metric object
   */
  static Compilation of(Optimizer optimizer, Loss loss, List<?> metrics) {
    if (optimizer == null) {
      throw new IllegalArgumentException("compile needs an optimizer, got null");
    }
    if (loss == null) {
      throw new IllegalArgumentException("compile needs a loss, got null");
    }
    List<Object> specs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Object m : metrics) {
      String name;
      if (m instanceof String) {
        name = (String) m;
        Metrics.check(name);
      } else if (m instanceof Metric) {
        name = ((Metric) m).name();
        if (name == null || name.isEmpty()) {
          throw new IllegalArgumentException(
              "metric " + m + " has no name; Metric.name() gives its log key");
        }
      } else {
        throw new IllegalArgumentException("compile's metrics must not be null");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("metric '" + name + "' is listed twice");
      }
      specs.add(m);
      names.add(name);
    }
    return new Compilation(optimizer, loss, List.copyOf(specs), List.copyOf(names));
  }

  Optimizer optimizer() {
    return optimizer;
  }

  Loss loss() {
    return loss;
  }

  List<String> metricNames() {
    return metricNames;
  }

  /**
   * Returns the metrics, resolving names against these targets the first time.
   *
   * @param y targets of the first data seen
   * @param outputShape the model's per-sample output shape
   */
  List<Metric> metrics(Tensor y, int[] outputShape) {
    if (metrics == null) {
      int width = outputShape[outputShape.length - 1];
      boolean sparse = y.rank() < outputShape.length + 1 || (y.dim(-1) == 1 && width > 1);
      List<Metric> resolved = new ArrayList<>();
      for (Object spec : specs) {
        resolved.add(
            spec instanceof Metric ? (Metric) spec : Metrics.get((String) spec, sparse, width));
      }
      metrics = List.copyOf(resolved);
    }
    return metrics;
  }
}
