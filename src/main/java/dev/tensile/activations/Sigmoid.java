package dev.tensile.activations;

import dev.tensile.engine.Engines;

/** {@code sigmoid(z) = 1 / (1 + exp(-z))}; derivative {@code y (1 - y)}. */
final class Sigmoid implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    Engines.current().elementwise().sigmoid(z, out, rows * width);
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    Engines.current().elementwise().sigmoidBackward(y, gradOut, gradIn, rows * width);
  }

  @Override
  public String name() {
    return "sigmoid";
  }
}
