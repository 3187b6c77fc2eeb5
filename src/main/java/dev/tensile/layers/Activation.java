package dev.tensile.layers;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.tensor.Buffers;

/**
 * Applies an activation to its input: {@code Y = f(X)}, shape unchanged, no weights. Keras's
 * {@code layers.Activation("relu")}.
 */
public final class Activation extends Layer implements LogitsLayer {
  private final ActivationFunction function;
  private float[] input;
  private float[] y;
  private float[] dx;
  private int width;

  /**
   * Makes the layer from a Keras activation name.
   *
   * @param name {@code relu}, {@code sigmoid}, {@code tanh}, {@code softmax} or {@code linear}
   */
  public Activation(String name) {
    this(Activations.get(name));
  }

  /**
   * Makes the layer from an activation.
   *
   * @param function the activation
   */
  public Activation(ActivationFunction function) {
    if (function == null) {
      throw new IllegalArgumentException("activation must not be null");
    }
    this.function = function;
  }

  @Override
  public ActivationFunction activation() {
    return function;
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    width = sampleShape[sampleShape.length - 1];
    return sampleShape;
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int rows = batch * outputSize() / width;
    input = x;
    y = Buffers.ensure(y, rows * width);
    function.forward(x, y, rows, width);
    return y;
  }

  @Override
  public float[] logits() {
    return input;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    int rows = batch * outputSize() / width;
    dx = Buffers.ensure(dx, rows * width);
    function.backward(y, gradOutput, dx, rows, width);
    return dx;
  }

  @Override
  public float[] backwardFromLogits(float[] gradLogits, int batch) {
    return gradLogits;
  }
}
