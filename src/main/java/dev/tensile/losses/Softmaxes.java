package dev.tensile.losses;

import dev.tensile.engine.Engines;

/** Softmax crossentropy from logits, the numerically exact form, shared by the two categoricals. */
final class Softmaxes {
  private Softmaxes() {}

  /**
   * {@code l = logsumexp(z) - z_y}; {@code dl/dz = softmax(z) - onehot(y)}, divided by rows.
   * {@code probs}, when given, already holds {@code softmax(z)}.
   */
  static double sparseFromLogits(
      float[] z, float[] probs, float[] target, int rows, int width, float[] grad) {
    double total = 0;
    if (grad != null && probs != null) {
      // dl/dz = softmax(z) / rows, then minus 1 / rows at each label (below)
      Engines.current().elementwise().scaleInto(probs, 1f / rows, grad, rows * width);
    }
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      int label = (int) target[r];
      double lse = logSumExp(z, base, width);
      total += lse - z[base + label];
      if (grad != null) {
        if (probs == null) {
          fillSoftmaxGradient(z, base, width, lse, rows, grad);
        }
        grad[base + label] -= 1f / rows;
      }
    }
    return total / rows;
  }

  /** {@code l = logsumexp(z) sum_j y_j - sum_j y_j z_j}; {@code dl/dz = softmax(z) sum(y) - y}. */
  static double denseFromLogits(
      float[] z, float[] probs, float[] target, int rows, int width, float[] grad) {
    double total = 0;
    if (grad != null && probs != null) {
      // softmax(z) / rows, then scaled by sum(y) and less y / rows (below)
      Engines.current().elementwise().scaleInto(probs, 1f / rows, grad, rows * width);
    }
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      double lse = logSumExp(z, base, width);
      double ySum = 0;
      for (int j = 0; j < width; j++) {
        float y = target[base + j];
        ySum += y;
        total -= y * (z[base + j] - lse);
      }
      if (grad != null) {
        if (probs == null) {
          fillSoftmaxGradient(z, base, width, lse, rows, grad);
        }
        for (int j = 0; j < width; j++) {
          grad[base + j] = grad[base + j] * (float) ySum - target[base + j] / rows;
        }
      }
    }
    return total / rows;
  }

  private static double logSumExp(float[] z, int base, int width) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < width; j++) {
      max = Math.max(max, z[base + j]);
    }
    double s = 0;
    for (int j = 0; j < width; j++) {
      s += Math.exp(z[base + j] - max);
    }
    return max + Math.log(s);
  }

  /** Writes {@code softmax(z) / rows} for one row into {@code grad}, from the logits alone. */
  private static void fillSoftmaxGradient(
      float[] z, int base, int width, double lse, int rows, float[] grad) {
    float invRows = 1f / rows;
    for (int j = 0; j < width; j++) {
      grad[base + j] = (float) Math.exp(z[base + j] - lse) * invRows;
    }
  }
}
