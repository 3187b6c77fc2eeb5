package dev.tensile.utils;

import dev.tensile.tensor.Tensor;

/** Keras's {@code keras.utils.to_categorical}: class labels to one-hot rows. */
public final class Categorical {
  private Categorical() {}

  /**
   * One-hot encodes class labels: row {@code i} has a 1 in column {@code labels[i]}, 0 elsewhere.
   *
   * @param labels whole-number class indices in {@code [0, classes)}, shape {@code (n,)}
   * @param classes the number of classes
   * @return a new tensor of shape {@code (n, classes)}
   * @throws IllegalArgumentException if a label is not a whole number in range
   */
  public static Tensor toCategorical(Tensor labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, got " + classes);
    }
    float[] y = labels.data();
    float[] out = new float[Math.multiplyExact(y.length, classes)];
    for (int i = 0; i < y.length; i++) {
      int c = (int) y[i];
      if (c != y[i] || c < 0 || c >= classes) {
        throw new IllegalArgumentException(
            "label " + y[i] + " at index " + i + " is not a whole number in [0, " + classes + ")");
      }
      out[i * classes + c] = 1f;
    }
    return Tensor.wrap(out, y.length, classes);
  }
}
