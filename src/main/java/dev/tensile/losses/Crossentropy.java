package dev.tensile.losses;

/**
 * What the crossentropies share: Keras's clipping constant and the {@code fromLogits} switch.
 */
abstract class Crossentropy implements Loss {
  /** Keras's {@code backend.epsilon()}: probabilities are clipped to {@code [EPS, 1 - EPS]}. */
  static final float EPS = 1e-7f;

  final boolean fromLogits;

  Crossentropy(boolean fromLogits) {
    this.fromLogits = fromLogits;
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
