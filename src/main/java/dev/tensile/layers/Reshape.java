package dev.tensile.layers;

import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;

/**
 * Gives each sample a new shape with the same elements in the same order, Keras's {@code
 * Reshape(target_shape)}: {@code new Reshape(28, 28, 1)} turns {@code (None, 784)} into {@code
 * (None, 28, 28, 1)}. One extent may be {@code -1}, taking whatever the others leave. Data is
 * row-major and contiguous, so both passes return their argument unchanged. No weights.
 */
public final class Reshape extends Layer {
  private final int[] targetShape;

  /**
   * Makes the layer.
   *
   * @param targetShape the per-sample shape, without the batch axis; at most one {@code -1}
   * @throws IllegalArgumentException if the shape is empty or has another non-positive extent
   */
  public Reshape(int... targetShape) {
    if (targetShape == null || targetShape.length == 0) {
      throw new IllegalArgumentException("Reshape needs a target shape, e.g. new Reshape(28, 28, 1)");
    }
    for (int d : targetShape) {
      if (d <= 0 && d != -1) {
        throw new IllegalArgumentException(
            "Reshape extents must be positive or -1, got " + Shapes.format(targetShape));
      }
    }
    this.targetShape = targetShape.clone();
  }

  /**
   * Returns the target shape as given.
   *
   * @return a copy, possibly holding one {@code -1}
   */
  public int[] targetShape() {
    return targetShape.clone();
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    int size = Math.toIntExact(Shapes.size(sampleShape));
    try {
      return Tensor.wrap(new float[size], sampleShape).reshape(targetShape).shape();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "layer '" + name() + "' cannot reshape input " + Shapes.formatBatch(sampleShape)
              + " (" + size + " elements per sample) to " + Shapes.format(targetShape), e);
    }
  }

  @Override
  public float[] forward(float[] input, int batch, boolean training) {
    return input;
  }

  @Override
  public float[] backward(float[] gradOutput, int batch) {
    return gradOutput;
  }
}
