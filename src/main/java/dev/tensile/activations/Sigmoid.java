package dev.tensile.activations;

/** {@code sigmoid(z) = 1 / (1 + exp(-z))}; derivative {@code y (1 - y)}. */
final class Sigmoid implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      out[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
    }
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    int n = rows * width;
    for (int i = 0; i < n; i++) {
      gradIn[i] = gradOut[i] * y[i] * (1f - y[i]);
    }
  }

  @Override
  public String name() {
    return "sigmoid";
  }
}
