package dev.tensile.losses;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;

/**
 * {@code l = -mean over outputs of [y log p + (1 - y) log(1 - p)]}, each output an independent
 * yes/no probability.
 *
 * <p>From probabilities: {@code p} is clipped to {@code [1e-7, 1 - 1e-7]} first. From logits
 * {@code z}: the stable {@code max(z, 0) - z y + log(1 + exp(-|z|))}, gradient {@code sigmoid(z) -
 * y}. A model whose last layer is a sigmoid computes the loss from its logits, as Keras's default
 * backend does. The mean runs over the last axis, then over the rows.
 */
public final class BinaryCrossentropy extends Crossentropy {

  /** Makes the loss for probability outputs, Keras's default. */
  public BinaryCrossentropy() {
    this(false);
  }

  /**
   * Makes the loss.
   *
   * @param fromLogits true if the model outputs logits rather than probabilities
   */
  public BinaryCrossentropy(boolean fromLogits) {
    super("binary_crossentropy", false, fromLogits);
  }

  /**
   * Rebuilds the loss from Keras's description.
   *
   * @param config the description
   * @param resolver unused: the loss has no nested objects
   * @return a new loss
   * @throws dev.tensile.config.ConfigException if an option Tensile lacks is set
   */
  public static BinaryCrossentropy fromConfig(ObjectConfig config, Resolver resolver) {
    return new BinaryCrossentropy(fromLogits(config));
  }

  @Override
  public double compute(float[] pred, float[] target, int rows, int width, float[] grad) {
    if (fromLogits) {
      return computeFromLogits(pred, null, target, rows, width, grad);
    }
    int n = rows * width;
    double total = 0;
    float scale = 1f / n;
    for (int i = 0; i < n; i++) {
      float p = pred[i];
      float pc = clip(p);
      float y = target[i];
      total -= y * Math.log(pc) + (1 - y) * Math.log(1 - pc);
      if (grad != null) {
        // dl/dp = (p - y) / (p (1 - p)), zero where clipping is active
        grad[i] = p == pc ? (pc - y) / (pc * (1 - pc)) * scale : 0f;
      }
    }
    return total / n;
  }

  @Override
  public boolean fusesWith(ActivationFunction activation) {
    return !fromLogits && activation == Activations.SIGMOID;
  }

  @Override
  public double computeFromLogits(
      float[] logits, float[] probs, float[] target, int rows, int width, float[] gradLogits) {
    int n = rows * width;
    double total = 0;
    float scale = 1f / n;
    for (int i = 0; i < n; i++) {
      float z = logits[i];
      float y = target[i];
      total += Math.max(z, 0f) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
      if (gradLogits != null) {
        float p = probs != null ? probs[i] : (float) (1.0 / (1.0 + Math.exp(-z)));
        gradLogits[i] = (p - y) * scale;
      }
    }
    return total / n;
  }
}
