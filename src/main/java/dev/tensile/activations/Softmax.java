package dev.tensile.activations;

/**
 * {@code softmax(z)_j = exp(z_j - max(z)) / sum_c exp(z_c - max(z))} along each row; subtracting
 * the row maximum keeps {@code exp} from overflowing. Derivative (a Jacobian-vector product):
 * {@code dz_j = y_j (dy_j - sum_c dy_c y_c)}.
 */
final class Softmax implements ActivationFunction {
  @Override
  public void forward(float[] z, float[] out, int rows, int width) {
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < width; j++) {
        max = Math.max(max, z[base + j]);
      }
      float sum = 0f;
      for (int j = 0; j < width; j++) {
        float e = (float) Math.exp(z[base + j] - max);
        out[base + j] = e;
        sum += e;
      }
      float inv = 1f / sum;
      for (int j = 0; j < width; j++) {
        out[base + j] *= inv;
      }
    }
  }

  @Override
  public void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width) {
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      float dot = 0f;
      for (int j = 0; j < width; j++) {
        dot += gradOut[base + j] * y[base + j];
      }
      for (int j = 0; j < width; j++) {
        gradIn[base + j] = y[base + j] * (gradOut[base + j] - dot);
      }
    }
  }

  @Override
  public String name() {
    return "softmax";
  }
}
