package dev.tensile.optimizers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.AdamRule;
import dev.tensile.engine.Engines;
import java.util.List;

/**
 * Adam, Keras's {@code Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
 * amsgrad=False)}. At step {@code t = iterations + 1}:
 *
 * <pre>
 * a = lr sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * m = m + (g - m)(1 - beta_1)
 * v = v + (g^2 - v)(1 - beta_2)
 * amsgrad:  vhat = max(vhat, v), used for v below
 * w = w - a m / (sqrt(v) + eps)     (eps outside the root, on the uncorrected v, as in Keras)
 * </pre>
 *
 * <p>Keras's epsilon is the paper's "epsilon hat" and its default is 1e-7 (PyTorch: 1e-8).
 */
public final class Adam extends ElementwiseOptimizer {
  /** Keras's default learning rate for Adam. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default decay of the first moment. */
  public static final double DEFAULT_BETA_1 = 0.9;
  /** Keras's default decay of the second moment. */
  public static final double DEFAULT_BETA_2 = 0.999;
  /** Keras's {@code backend.epsilon()}. */
  public static final double DEFAULT_EPSILON = 1e-7;

  private float beta1 = (float) DEFAULT_BETA_1;
  private float beta2 = (float) DEFAULT_BETA_2;
  private float epsilon = (float) DEFAULT_EPSILON;
  private boolean amsgrad;
  private AdamRule rule;

  /** Makes Adam with Keras's defaults. */
  public Adam() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Makes Adam with a learning rate and otherwise Keras's defaults.
   *
   * @param learningRate the step size; finite and positive
   */
  public Adam(double learningRate) {
    super(learningRate);
  }

  /**
   * Sets the first moment's decay (default 0.9).
   *
   * @param value in [0, 1)
   * @return this optimizer
   */
  public Adam beta1(double value) {
    beta1 = setting("beta_1", value, 0, 1, false);
    return this;
  }

  /**
   * Sets the second moment's decay (default 0.999).
   *
   * @param value in [0, 1)
   * @return this optimizer
   */
  public Adam beta2(double value) {
    beta2 = setting("beta_2", value, 0, 1, false);
    return this;
  }

  /**
   * Sets epsilon (default 1e-7), added outside the square root.
   *
   * @param value finite, at least 0
   * @return this optimizer
   */
  public Adam epsilon(double value) {
    epsilon = nonNegativeSetting("epsilon", value);
    return this;
  }

  /**
   * Sets whether to use the AMSGrad variant (default false).
   *
   * @param enabled true for AMSGrad
   * @return this optimizer
   */
  public Adam amsgrad(boolean enabled) {
    amsgrad = switchSetting("amsgrad", enabled);
    return this;
  }

  /**
   * Returns beta_1.
   *
   * @return the first moment's decay
   */
  public float beta1() {
    return beta1;
  }

  /**
   * Returns beta_2.
   *
   * @return the second moment's decay
   */
  public float beta2() {
    return beta2;
  }

  /**
   * Returns epsilon.
   *
   * @return {@code epsilon}
   */
  public float epsilon() {
    return epsilon;
  }

  /**
   * Tells whether AMSGrad is on.
   *
   * @return {@code amsgrad}
   */
  public boolean amsgrad() {
    return amsgrad;
  }

  @Override
  protected void addConfig(ObjectConfig.Builder config) {
    config.put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon)
        .put("amsgrad", amsgrad);
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
  public static Adam fromConfig(ObjectConfig config, Resolver resolver) {
    return withCommonConfig(config, () -> new Adam(learningRate(config, DEFAULT_LEARNING_RATE))
          .beta1(config.getDouble("beta_1", DEFAULT_BETA_1))
          .beta2(config.getDouble("beta_2", DEFAULT_BETA_2))
          .epsilon(config.getDouble("epsilon", DEFAULT_EPSILON))
          .amsgrad(config.getBoolean("amsgrad", false)));
  }

  /** Keras's Adam makes momentum and velocity weight by weight, then the AMSGrad maxima. */
  @Override
  protected List<List<String>> slotGroups() {
    return amsgrad
        ? List.of(List.of("momentum", "velocity"), List.of("velocity_hat"))
        : List.of(List.of("momentum", "velocity"));
  }

  @Override
  protected List<String> slotNames() {
    return amsgrad ? List.of("momentum", "velocity", "velocity_hat") : List.of("momentum", "velocity");
  }

  @Override
  void updateRange(float[] w, float[] g, float[][] state, float lr, int from, int to) {
    double t = iterations() + 1;
    float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    // m += (g - m)(1 - beta_1); v += (g^2 - v)(1 - beta_2); [vhat = max(vhat, v)];
    // w -= alpha m / (sqrt(v or vhat) + eps)
    Engines.current()
        .elementwise()
        .adamRange(rule(), alpha, w, g, state[0], state[1], amsgrad ? state[2] : null, from, to);
  }

  /** The hyperparameters as the kernel takes them, made again only if they changed. */
  private AdamRule rule() {
    AdamRule r = rule;
    if (r == null || r.beta1() != beta1 || r.beta2() != beta2 || r.epsilon() != epsilon) {
      r = new AdamRule(beta1, beta2, epsilon);
      rule = r;
    }
    return r;
  }

  @Override
  public String toString() {
    return "Adam(learning_rate=" + learningRate() + ", beta_1=" + beta1 + ", beta_2=" + beta2
        + ", epsilon=" + epsilon + ", amsgrad=" + amsgrad + clippingText() + ")";
  }
}
