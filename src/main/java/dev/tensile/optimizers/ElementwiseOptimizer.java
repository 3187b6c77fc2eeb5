package dev.tensile.optimizers;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine.RangeTask;

/**
 * The base of the built-in optimizers, whose rules are element-wise: each updates any range of a
 * weight's elements on its own, so a weight of many elements is updated in parts, shared by the
 * engine's threads. The parts' bounds depend on the weight's length alone, so the weight comes out
 * the same for any thread count.
 */
abstract class ElementwiseOptimizer extends Optimizer {
  /**
   * Elements per part: a multiple of every vector width, large enough that handing a part to a
   * thread costs little beside it.
   */
  static final int PART = 16384;

  /**
   * The fewest elements of a weight that is split into parts. A smaller weight and its slots stay
   * in the cache of the core that computed its gradient: split, a Dense kernel of 78,400 elements
   * took longer, as half its arrays moved to the other core's cache.
   */
  static final int SPLIT_AT = 8 * PART;

  private final RangeTask updateParts = this::updateParts;
  /** The weight being updated in parts, its gradient, slots and learning rate. */
  private float[] partWeight;
  private float[] partGradient;
  private float[][] partState;
  private float partRate;

  /**
   * Makes the optimizer.
   *
   * @param learningRate the learning rate
   */
  ElementwiseOptimizer(double learningRate) {
    super(learningRate);
  }

  /**
   * Updates the elements {@code [from, to)} of one weight only.
   *
   * @param w the weight; modified in the range
   * @param g the gradient; not modified
   * @param state this weight's slots; modified in the range
   * @param lr the learning rate for this step
   * @param from the first element
   * @param to one past the last element
   */
  abstract void updateRange(float[] w, float[] g, float[][] state, float lr, int from, int to);

  /** Updates the weight whole, or {@link #PART} elements at a time from {@link #SPLIT_AT} on. */
  @Override
  protected final void update(float[] w, float[] g, float[][] state, float lr) {
    if (w.length < SPLIT_AT) {
      updateRange(w, g, state, lr, 0, w.length);
      return;
    }
    partWeight = w;
    partGradient = g;
    partState = state;
    partRate = lr;
    try {
      Engines.current().forEachRange((w.length + PART - 1) / PART, updateParts);
    } finally {
      partWeight = null;
      partGradient = null;
      partState = null;
    }
  }

  private void updateParts(int from, int to) {
    int end = Math.min(partWeight.length, to * PART);
    updateRange(partWeight, partGradient, partState, partRate, from * PART, end);
  }
}
