package dev.tensile.metrics;

/**
 * A streaming metric: {@code result = total / count} over all rows seen since {@link #reset()}.
 */
public interface Metric {

  /**
   * Returns the name under which the metric is logged; {@code val_} is prefixed for validation.
   *
   * @return for example {@code "accuracy"}
   */
  String name();

  /** Forgets everything seen. */
  void reset();

  /**
   * Adds a batch.
   *
   * @param pred the predictions, {@code rows x width}; not modified
   * @param target the targets: one label per row for sparse metrics, else {@code rows x width}
   * @param rows the number of rows
   * @param width the number of outputs per row
   */
  void update(float[] pred, float[] target, int rows, int width);

  /**
   * Returns the mean so far.
   *
   * @return the metric's value, or 0 if nothing was seen
   */
  double result();
}
