package dev.tensile.losses;

/**
 * {@code l = -log p_y} for an integer label {@code y} and a row of class probabilities {@code p}.
 *
 * <p>From probabilities (Keras's {@code from_logits=False}): each row is renormalised to sum to 1
 * and clipped to {@code [1e-7, 1 - 1e-7]} first; the gradient is that of the clipped form (zero
 * where clipping is active). From logits {@code z}: {@code l = logsumexp(z) - z_y}, gradient
 * {@code softmax(z) - onehot(y)}. A model whose last layer is a softmax computes the loss from its
 * logits, as Keras's default backend does.
 */
public final class SparseCategoricalCrossentropy extends SoftmaxCrossentropy {

  /** Makes the loss for probability outputs, Keras's default. */
  public SparseCategoricalCrossentropy() {
    this(false);
  }

  /**
   * Makes the loss.
   *
   * @param fromLogits true if the model outputs logits rather than probabilities
   */
  public SparseCategoricalCrossentropy(boolean fromLogits) {
    super("sparse_categorical_crossentropy", true, fromLogits);
  }

  @Override
  public double compute(float[] pred, float[] target, int rows, int width, float[] grad) {
    if (fromLogits) {
      return computeFromLogits(pred, null, target, rows, width, grad);
    }
    double total = 0;
    float invRows = 1f / rows;
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      int label = (int) target[r];
      float sum = 0f;
      for (int j = 0; j < width; j++) {
        sum += pred[base + j];
      }
      float p = pred[base + label] / sum;
      float pc = clip(p);
      total -= Math.log(pc);
      if (grad != null) {
        // l = -log(p_y / S): dl/dp_j = 1/S - [j = y] / p_y, zero for p_y when clipping is active.
        boolean active = p == pc;
        for (int j = 0; j < width; j++) {
          float g = active ? 1f / sum : 0f;
          if (j == label && active) {
            g -= 1f / pred[base + j];
          }
          grad[base + j] = g * invRows;
        }
      }
    }
    return total / rows;
  }
}
