package dev.tensile.metrics;

/**
 * The running mean behind every accuracy: subclasses say how many rows of a batch were right.
 */
public abstract class MeanMetric implements Metric {
  private final String name;
  private double total;
  private long count;

  /**
   * Makes the metric.
   *
   * @param name the logged name
   */
  protected MeanMetric(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void reset() {
    total = 0;
    count = 0;
  }

  @Override
  public final void update(float[] pred, float[] target, int rows, int width) {
    total += sum(pred, target, rows, width);
    count += rows;
  }

  /**
   * Sums the per-row values of one batch.
   *
   * @param pred the predictions
   * @param target the targets
   * @param rows the number of rows
   * @param width the outputs per row
   * @return the sum of per-row values (for accuracy: the number right)
   */
  protected abstract double sum(float[] pred, float[] target, int rows, int width);

  @Override
  public final double result() {
    return count == 0 ? 0 : total / count;
  }

  /** Index of the largest value of one row; ties go to the first, as argmax does. */
  static int argmax(float[] values, int base, int width) {
    int best = 0;
    for (int j = 1; j < width; j++) {
      if (values[base + j] > values[base + best]) {
        best = j;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
