package dev.tensile.activations;

/** {@code tanh(z)}; derivative {@code 1 - y^2}. */
final class Tanh implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      out[i] = (float) Math.tanh(z[i]);
    }
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      gradIn[i] = gradOut[i] * (1f - y[i] * y[i]);
    }
  }

  @Override
  public String name() {
    return "tanh";
  }
}
