package dev.tensile.activations;

/** {@code linear(z) = z}; Keras's {@code activation=None}. Derivative 1. */
final class Linear implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    if (out != z) {
      System.arraycopy(z, 0, out, 0, rows * width);
    }
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    if (gradIn != gradOut) {
      System.arraycopy(gradOut, 0, gradIn, 0, rows * width);
    }
  }

  @Override
  public String name() {
    return "linear";
  }
}
