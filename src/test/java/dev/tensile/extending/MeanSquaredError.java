package dev.tensile.extending;

import dev.tensile.losses.Loss;
import dev.tensile.tensor.Tensor;
import java.util.Arrays;

/** Keras's {@code mean_squared_error}: {@code l = mean over outputs of (p - y)^2} per row. */
public final class MeanSquaredError implements Loss {

  @Override
  public String name() {
    return "mean_squared_error";
  }

  @Override
  public boolean sparse() {
    return false;
  }

  @Override
  public void validateTargets(Tensor y, int[] outputShape) {
    int[] expected = new int[outputShape.length + 1];
    expected[0] = y.samples();
    System.arraycopy(outputShape, 0, expected, 1, outputShape.length);
    if (!Arrays.equals(y.shape(), expected)) {
      throw new IllegalArgumentException(
          "mean_squared_error needs targets of shape " + Arrays.toString(expected) + ", got "
              + y.shapeString());
    }
  }

  @Override
  public double compute(float[] pred, float[] target, int rows, int width, float[] grad) {
    double total = 0;
    for (int i = 0; i < rows * width; i++) {
      float d = pred[i] - target[i];
      total += d * d;
      if (grad != null) {
        grad[i] = 2f * d / (rows * width); // dL/dpred of the mean over rows and outputs
      }
    }
    return total / ((double) rows * width);
  }
}
