package dev.tensile.metrics;

/** {@code 1[argmax(pred) == label]} per row; the label is a class index. */
public final class SparseCategoricalAccuracy extends MeanMetric {

  /**
   * Makes the metric.
   *
   * @param name the logged name, usually {@code accuracy}
   */
  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected double sum(float[] pred, float[] target, int rows, int width) {
    int right = 0;
    for (int r = 0; r < rows; r++) {
      if (argmax(pred, r * width, width) == (int) target[r]) {
        right++;
      }
    }
    return right;
  }
}
