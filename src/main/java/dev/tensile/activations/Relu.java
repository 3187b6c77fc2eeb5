package dev.tensile.activations;

/** {@code relu(z) = max(z, 0)}; derivative 1 where {@code y > 0}, else 0 (0 at z = 0, as TF). */
final class Relu implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      out[i] = Math.max(z[i], 0f);
    }
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      gradIn[i] = y[i] > 0f ? gradOut[i] : 0f;
    }
  }

  @Override
  public String name() {
    return "relu";
  }
}
