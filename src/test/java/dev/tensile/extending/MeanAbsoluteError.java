package dev.tensile.extending;

import dev.tensile.metrics.MeanMetric;

/** Keras's {@code mean_absolute_error} metric: the mean of {@code |p - y|} over outputs per row. */
public final class MeanAbsoluteError extends MeanMetric {

  /** Makes the metric, logged as {@code mae}. */
  public MeanAbsoluteError() {
    super("mae");
  }

  @Override
  protected double sum(float[] pred, float[] target, int rows, int width) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      double row = 0;
      for (int j = 0; j < width; j++) {
        row += Math.abs(pred[r * width + j] - target[r * width + j]);
      }
      total += row / width;
    }
    return total;
  }
}
