package dev.tensile.metrics;

/** {@code 1[argmax(pred) == argmax(target)]} per row; targets are one-hot rows. */
public final class CategoricalAccuracy extends MeanMetric {

  /**
   * Makes the metric.
   *
   * @param name the logged name, usually {@code accuracy}
   */
  public CategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected double sum(float[] pred, float[] target, int rows, int width) {
    int right = 0;
    for (int r = 0; r < rows; r++) {
      if (argmax(pred, r * width, width) == argmax(target, r * width, width)) {
        right++;
      }
    }
    return right;
  }
}
