package dev.tensile.losses;

import dev.tensile.tensor.Tensor;

/**
 * What the crossentropies share: Keras's clipping constant and the {@code fromLogits} switch.
 */
abstract class Crossentropy implements Loss {
  /** Keras's {@code backend.epsilon()}: probabilities are clipped to {@code [EPS, 1 - EPS]}. */
  static final float EPS = 1e-7f;

  final boolean fromLogits;
  private final String name;
  private final boolean sparse;

  /**
   * Makes the loss.
   *
   * @param name the Keras name
   * @param sparse true if targets are class indices, one per row
   * @param fromLogits true if predictions are logits
   */
  Crossentropy(String name, boolean sparse, boolean fromLogits) {
    this.name = name;
    this.sparse = sparse;
    this.fromLogits = fromLogits;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean sparse() {
    return sparse;
  }

  @Override
  public final void validateTargets(Tensor y, int[] outputShape) {
    if (sparse) {
      Targets.checkSparse(name, y, outputShape);
    } else {
      Targets.checkDense(name, y, outputShape);
    }
  }

  /**
   * Tells whether predictions are logits rather than probabilities.
   *
   * @return the {@code from_logits} setting
   */
  public boolean fromLogits() {
    return fromLogits;
  }

  static float clip(float p) {
    return Math.min(Math.max(p, EPS), 1f - EPS);
  }

  @Override
  public String toString() {
    return name() + "(fromLogits=" + fromLogits + ")";
  }
}
