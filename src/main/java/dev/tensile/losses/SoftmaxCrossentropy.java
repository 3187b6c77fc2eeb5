package dev.tensile.losses;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;

/**
 * What the two categorical crossentropies share beyond {@link Crossentropy}: they fuse with a
 * softmax output, and their {@code fromLogits} form is the logits path itself.
 */
abstract class SoftmaxCrossentropy extends Crossentropy {

  SoftmaxCrossentropy(String name, boolean sparse, boolean fromLogits) {
    super(name, sparse, fromLogits);
  }

  @Override
  public final boolean fusesWith(ActivationFunction activation) {
    return !fromLogits && activation == Activations.SOFTMAX;
  }

  @Override
  public final double computeFromLogits(
      float[] logits, float[] probs, float[] target, int rows, int width, float[] gradLogits) {
    return sparse()
        ? Softmaxes.sparseFromLogits(logits, probs, target, rows, width, gradLogits)
        : Softmaxes.denseFromLogits(logits, probs, target, rows, width, gradLogits);
  }
}
