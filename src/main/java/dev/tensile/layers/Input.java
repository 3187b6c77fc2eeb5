package dev.tensile.layers;

import dev.tensile.tensor.Shapes;

/**
 * The shape of one input sample, Keras's {@code keras.Input(shape=...)}: {@code new Input(784)} or
 * {@code new Input(28, 28)}. A model that starts with an Input is built at once; otherwise it is
 * built from the first data it sees. Like Keras's {@code InputLayer}, it is not listed among the
 * model's layers.
 */
public final class Input {
  private final int[] shape;

  /**
   * Declares the per-sample input shape.
   *
   * @param shape the extent of each axis, without the batch axis; all positive
   * @throws IllegalArgumentException if the shape is empty or has a non-positive extent
   */
  public Input(int... shape) {
    if (shape.length == 0) {
      throw new IllegalArgumentException("Input needs a shape, e.g. new Input(784)");
    }
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "Input shape extents must be positive, got " + Shapes.format(shape));
      }
    }
    this.shape = shape.clone();
  }

  /**
   * Returns the per-sample shape.
   *
   * @return a copy of the shape
   */
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public String toString() {
    return "Input(shape=" + Shapes.format(shape) + ")";
  }
}
