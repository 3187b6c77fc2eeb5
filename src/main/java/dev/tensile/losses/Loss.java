package dev.tensile.losses;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.config.ObjectConfig;
import dev.tensile.tensor.Tensor;

/**
 * A loss {@code L = mean over samples of l(y_true, y_pred)}, Keras's {@code sum_over_batch_size}
 * reduction, with its gradient.
 *
 * <p>Predictions are a row-major {@code rows x width} block; targets are one value per row for
 * sparse losses ({@link #sparse()}) and {@code rows x width} otherwise.
 */
public interface Loss {

  /**
   * Returns the Keras name.
   *
   * @return for example {@code "sparse_categorical_crossentropy"}
   */
  String name();

  /**
   * Tells whether targets are class indices, one per row, rather than one value per output.
   *
   * @return true for sparse categorical crossentropy
   */
  boolean sparse();

  /**
   * Checks targets before training, so bad labels fail with a clear message instead of a wrong
   * loss: counts, widths, whole-number labels in range, 0/1 ranges.
   *
   * @param y the targets
   * @param outputShape the model's per-sample output shape
   * @throws IllegalArgumentException describing the first problem found
   */
  void validateTargets(Tensor y, int[] outputShape);

  /**
   * Computes the mean loss and, if {@code grad} is not null, {@code dL/dpred}.
   *
   * @param pred the predictions; not modified
   * @param target the targets; not modified
   * @param rows the number of rows (samples, times any inner axes)
   * @param width the values per row
   * @param grad receives {@code dL/dpred} (already divided by the number of rows), or null
   * @return the mean loss
   */
  double compute(float[] pred, float[] target, int rows, int width, float[] grad);

  /**
   * Tells whether this loss can be computed straight from the logits of an output activation
   * ({@link #computeFromLogits}).
   *
   * @param activation the model's final activation
   * @return true for softmax with a categorical crossentropy and sigmoid with binary
   */
  default boolean fusesWith(ActivationFunction activation) {
    return false;
  }

  /**
   * Computes the loss from the logits {@code z} of an output activation {@code p = f(z)}, and
   * {@code dL/dz}, as Keras's default backend does: exact log-probabilities, no clipping.
   *
   * @param logits the logits {@code z}; not modified
   * @param probs the activation's outputs {@code p = f(z)}; not modified
   * @param target the targets; not modified
   * @param rows the number of rows
   * @param width the values per row
   * @param gradLogits receives {@code dL/dz}, or null
   * @return the mean loss
   */
  default double computeFromLogits(
      float[] logits, float[] probs, float[] target, int rows, int width, float[] gradLogits) {
    throw new UnsupportedOperationException(name() + " cannot be fused with an activation");
  }

  /**
   * Describes the loss as Keras's {@code get_config()} does, e.g. {@code {"class_name":
   * "SparseCategoricalCrossentropy", "config": {"from_logits": false, ...}}}.
   *
   * @return the description
   * @throws UnsupportedOperationException if this loss cannot be described
   */
  default ObjectConfig getConfig() {
    throw new UnsupportedOperationException(
        "loss " + getClass().getName() + " does not describe itself; override getConfig()");
  }
}
