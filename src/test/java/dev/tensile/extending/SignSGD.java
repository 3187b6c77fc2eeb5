package dev.tensile.extending;

import dev.tensile.optimizers.Optimizer;
import java.util.List;

/**
 * Steps against the sign of the gradient: {@code w = w - lr * sign(g)}. No state, so no slots.
 */
public final class SignSGD extends Optimizer {

  /**
   * Makes the optimizer.
   *
   * @param learningRate the step size; finite and positive
   */
  public SignSGD(double learningRate) {
    super(learningRate);
  }

  @Override
  protected List<String> slotNames() {
    return List.of();
  }

  @Override
  protected void update(float[] w, float[] g, float[][] state, float lr) {
    for (int i = 0; i < w.length; i++) {
      w[i] -= lr * Math.signum(g[i]);
    }
  }
}
