package dev.tensile.optimizers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.Elementwise;
import dev.tensile.engine.Engines;
import java.util.List;

/**
 * Stochastic gradient descent, Keras's {@code SGD(learning_rate=0.01, momentum=0.0,
 * nesterov=False)}. With {@code v} the velocity, {@code mu} the momentum and {@code lr} the
 * learning rate:
 *
 * <pre>
 * mu = 0:            w = w - lr g
 * mu &gt; 0:            v = mu v - lr g;  w = w + v
 * mu &gt; 0, nesterov:  v = mu v - lr g;  w = w + mu v - lr g   (the new v)
 * </pre>
 *
 * <p>The velocity includes the learning rate, as in Keras (PyTorch keeps it outside; the two agree
 * while the learning rate is constant).
 */
public final class SGD extends ElementwiseOptimizer {
  /** Keras's default learning rate for SGD. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  private float momentum;
  private boolean nesterov;

  /** Makes plain SGD with Keras's defaults: learning rate 0.01, no momentum. */
  public SGD() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Makes plain SGD.
   *
   * @param learningRate the step size; finite and positive
   */
  public SGD(double learningRate) {
    super(learningRate);
  }

  /**
   * Sets the momentum (default 0).
   *
   * @param value in [0, 1]
   * @return this optimizer
   */
  public SGD momentum(double value) {
    momentum = setting("momentum", value, 0, 1, true);
    return this;
  }

  /**
   * Sets whether to use Nesterov momentum (default false).
   *
   * @param enabled true for the Nesterov form
   * @return this optimizer
   */
  public SGD nesterov(boolean enabled) {
    nesterov = switchSetting("nesterov", enabled);
    return this;
  }

  /**
   * Returns the momentum.
   *
   * @return {@code momentum}
   */
  public float momentum() {
    return momentum;
  }

  /**
   * Tells whether Nesterov momentum is on.
   *
   * @return {@code nesterov}
   */
  public boolean nesterov() {
    return nesterov;
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  protected void addConfig(ObjectConfig.Builder config) {
    config.put("momentum", momentum).put("nesterov", nesterov);
  }

  /**
   * Rebuilds the optimizer from Keras's description; omitted keys take Keras's defaults.
   *
   * @param config the description
   * @param resolver unused: the optimizer has no nested objects
   * @return a new optimizer
   * @throws dev.tensile.config.ConfigException if a value is invalid or an option Tensile lacks is
   *     set
   */
  public static SGD fromConfig(ObjectConfig config, Resolver resolver) {
    return withCommonConfig(config, () -> new SGD(learningRate(config, DEFAULT_LEARNING_RATE))
          .momentum(config.getDouble("momentum", 0.0))
          .nesterov(config.getBoolean("nesterov", false)));
  }

  @Override
  protected List<String> slotNames() {
    return momentum != 0f ? List.of("momentum") : List.of();
  }

  @Override
  void updateRange(float[] w, float[] g, float[][] state, float lr, int from, int to) {
    Elementwise kernels = Engines.current().elementwise();
    if (momentum == 0f) {
      // w -= lr g
      kernels.sgdRange(w, g, lr, from, to);
    } else {
      // v = mu v - lr g; w += v, or w += mu v - lr g (Nesterov)
      kernels.sgdMomentumRange(w, g, state[0], lr, momentum, nesterov, from, to);
    }
  }

  @Override
  public String toString() {
    return "SGD(learning_rate=" + learningRate() + ", momentum=" + momentum + ", nesterov="
        + nesterov + clippingText() + ")";
  }
}
