package dev.tensile.activations;

import dev.tensile.engine.Engines;

/** {@code relu(z) = max(z, 0)}; derivative 1 where {@code y > 0}, else 0 (0 at z = 0, as TF). */
final class Relu implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    Engines.current().elementwise().relu(z, out, rows * width);
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    Engines.current().elementwise().reluBackward(y, gradOut, gradIn, rows * width);
  }

  @Override
  public String name() {
    return "relu";
  }
}
