package dev.tensile.losses;

/**
 * {@code l = -sum_c y_c log p_c} for a one-hot (or soft) target row {@code y}.
 *
 * <p>From probabilities: each row is renormalised to sum to 1 and clipped to {@code [1e-7, 1 -
 * 1e-7]} first. From logits {@code z}: {@code l = sum_c y_c (logsumexp(z) - z_c)}. A model whose
 * last layer is a softmax computes the loss from its logits, as Keras's default backend does.
 */
public final class CategoricalCrossentropy extends SoftmaxCrossentropy {

  /** Makes the loss for probability outputs, Keras's default. */
  public CategoricalCrossentropy() {
    this(false);
  }

  /**
   * Makes the loss.
   *
   * @param fromLogits true if the model outputs logits rather than probabilities
   */
  public CategoricalCrossentropy(boolean fromLogits) {
    super("categorical_crossentropy", false, fromLogits);
  }

  @Override
  public double compute(float[] pred, float[] target, int rows, int width, float[] grad) {
    if (fromLogits) {
      return computeFromLogits(pred, null, target, rows, width, grad);
    }
    double total = 0;
    float invRows = 1f / rows;
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      float sum = 0f;
      for (int j = 0; j < width; j++) {
        sum += pred[base + j];
      }
      // l = -sum_c y_c log(clip(p_c / S)); dl/dp_j = sum_{c active} y_c / S - [j active] y_j / p_j
      float activeWeight = 0f;
      for (int j = 0; j < width; j++) {
        float p = pred[base + j] / sum;
        float pc = clip(p);
        total -= target[base + j] * Math.log(pc);
        if (p == pc) {
          activeWeight += target[base + j];
        }
      }
      if (grad != null) {
        for (int j = 0; j < width; j++) {
          float p = pred[base + j] / sum;
          float g = activeWeight / sum;
          if (p == clip(p)) {
            g -= target[base + j] / pred[base + j];
          }
          grad[base + j] = g * invRows;
        }
      }
    }
    return total / rows;
  }
}
