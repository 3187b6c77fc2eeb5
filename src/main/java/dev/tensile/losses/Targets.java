package dev.tensile.losses;

import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;

/** Shared checks of target tensors, with messages that say what arrived and what was expected. */
final class Targets {
  private Targets() {}

  /** Checks that sparse labels are whole numbers in {@code [0, classes)}. */
  static void checkSparse(String loss, Tensor y, int[] outputShape) {
    int classes = outputShape[outputShape.length - 1];
    int expectedPerSample = (int) (Shapes.size(outputShape) / classes);
    if (y.sampleSize() != expectedPerSample) {
      throw new IllegalArgumentException(
          loss + " expects one integer label per sample, shape (n,), for an output of shape "
              + Shapes.formatBatch(outputShape) + ", but the targets have shape "
              + y.shapeString() + (y.sampleSize() == classes
                  ? "; these look one-hot: use categorical_crossentropy" : ""));
    }
    float[] d = y.data();
    for (int i = 0; i < d.length; i++) {
      float v = d[i];
      if (!(v >= 0 && v < classes) || v != Math.rint(v)) {
        throw new IllegalArgumentException(
            loss + ": label " + v + " at index " + i + " is not a whole number in [0, "
                + classes + "); the output layer has " + classes + " units");
      }
    }
  }

  /** Checks that dense targets have the output's width and lie in [0, 1]. */
  static void checkDense(String loss, Tensor y, int[] outputShape) {
    int size = (int) Shapes.size(outputShape);
    if (y.sampleSize() != size) {
      throw new IllegalArgumentException(
          loss + " expects targets of shape " + Shapes.formatBatch(outputShape)
              + " (one value per output), but they have shape " + y.shapeString()
              + (y.rank() == 1 && size > 1
                  ? "; integer labels need sparse_categorical_crossentropy" : ""));
    }
    float[] d = y.data();
    for (int i = 0; i < d.length; i++) {
      if (!(d[i] >= 0 && d[i] <= 1)) {
        throw new IllegalArgumentException(
            loss + ": target " + d[i] + " at index " + i + " is outside [0, 1]");
      }
    }
  }
}
