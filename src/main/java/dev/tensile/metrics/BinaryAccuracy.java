package dev.tensile.metrics;

/**
 * {@code mean over outputs of 1[(pred > threshold) == target]} per row; the threshold is 0.5
 * (strictly greater, so 0.5 counts as class 0), as in Keras.
 */
public final class BinaryAccuracy extends MeanMetric {
  /** Keras's default threshold. */
  public static final float DEFAULT_THRESHOLD = 0.5f;

  private final float threshold;

  /**
   * Makes the metric with the default threshold.
   *
   * @param name the logged name, usually {@code accuracy}
   */
  public BinaryAccuracy(String name) {
    this(name, DEFAULT_THRESHOLD);
  }

  /**
   * Makes the metric.
   *
   * @param name the logged name
   * @param threshold predictions above it count as 1
   */
  public BinaryAccuracy(String name, float threshold) {
    super(name);
    this.threshold = threshold;
  }

  @Override
  protected double sum(float[] pred, float[] target, int rows, int width) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int right = 0;
      for (int j = r * width; j < (r + 1) * width; j++) {
        if ((pred[j] > threshold ? 1f : 0f) == target[j]) {
          right++;
        }
      }
      total += (double) right / width;
    }
    return total;
  }
}
