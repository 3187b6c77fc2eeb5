package dev.tensile.activations;

import dev.tensile.engine.Engines;

/** {@code tanh(z)}; derivative {@code 1 - y^2}. */
final class Tanh implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    Engines.current().elementwise().tanh(z, out, rows * width);
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    Engines.current().elementwise().tanhBackward(y, gradOut, gradIn, rows * width);
  }

  @Override
  public String name() {
    return "tanh";
  }
}
