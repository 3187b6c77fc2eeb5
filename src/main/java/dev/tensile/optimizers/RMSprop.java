package dev.tensile.optimizers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.Engines;
import dev.tensile.engine.RmspropRule;
import java.util.List;

/**
 * RMSprop, Keras's {@code RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7,
 * centered=False)} and the default optimizer of {@code compile}:
 *
 * <pre>
 * v = rho v + (1 - rho) g^2
 * centered:  a = rho a + (1 - rho) g;  D = v - a^2 + eps     otherwise  D = v + eps
 * d = lr g / sqrt(D)                   (eps inside the square root, as in Keras)
 * momentum &gt; 0:  m = momentum m + d;  w = w - m               otherwise  w = w - d
 * </pre>
 */
public final class RMSprop extends ElementwiseOptimizer {
  /** Keras's default learning rate for RMSprop. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default decay of the squared-gradient average. */
  public static final double DEFAULT_RHO = 0.9;
  /** Keras's {@code backend.epsilon()}. */
  public static final double DEFAULT_EPSILON = 1e-7;

  private float rho = (float) DEFAULT_RHO;
  private float momentum;
  private float epsilon = (float) DEFAULT_EPSILON;
  private boolean centered;
  private RmspropRule rule;

  /** Makes RMSprop with Keras's defaults. */
  public RMSprop() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Makes RMSprop with a learning rate and otherwise Keras's defaults.
   *
   * @param learningRate the step size; finite and positive
   */
  public RMSprop(double learningRate) {
    super(learningRate);
  }

  /**
   * Sets the decay of the squared-gradient average (default 0.9).
   *
   * @param value in [0, 1]
   * @return this optimizer
   */
  public RMSprop rho(double value) {
    rho = setting("rho", value, 0, 1, true);
    return this;
  }

  /**
   * Sets the momentum (default 0).
   *
   * @param value in [0, 1]
   * @return this optimizer
   */
  public RMSprop momentum(double value) {
    momentum = setting("momentum", value, 0, 1, true);
    return this;
  }

  /**
   * Sets epsilon (default 1e-7), added inside the square root.
   *
   * @param value finite, at least 0
   * @return this optimizer
   */
  public RMSprop epsilon(double value) {
    epsilon = nonNegativeSetting("epsilon", value);
    return this;
  }

  /**
   * Sets whether to divide by the variance rather than the second moment (default false).
   *
   * @param enabled true for centered RMSprop
   * @return this optimizer
   */
  public RMSprop centered(boolean enabled) {
    centered = switchSetting("centered", enabled);
    return this;
  }

  /**
   * Returns rho.
   *
   * @return {@code rho}
   */
  public float rho() {
    return rho;
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
   * Returns epsilon.
   *
   * @return {@code epsilon}
   */
  public float epsilon() {
    return epsilon;
  }

  /**
   * Tells whether RMSprop is centered.
   *
   * @return {@code centered}
   */
  public boolean centered() {
    return centered;
  }

  @Override
  protected void addConfig(ObjectConfig.Builder config) {
    config.put("rho", rho).put("momentum", momentum).put("epsilon", epsilon)
        .put("centered", centered);
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
  public static RMSprop fromConfig(ObjectConfig config, Resolver resolver) {
    return withCommonConfig(config, () -> new RMSprop(learningRate(config, DEFAULT_LEARNING_RATE))
          .rho(config.getDouble("rho", DEFAULT_RHO))
          .momentum(config.getDouble("momentum", 0.0))
          .epsilon(config.getDouble("epsilon", DEFAULT_EPSILON))
          .centered(config.getBoolean("centered", false)));
  }

  /** Keras's RMSprop makes all velocities, then all momentums, then all average gradients. */
  @Override
  protected List<List<String>> slotGroups() {
    List<List<String>> groups = new java.util.ArrayList<>();
    for (String name : slotNames()) {
      groups.add(List.of(name));
    }
    return groups;
  }

  @Override
  protected List<String> slotNames() {
    if (momentum > 0f) {
      return centered
          ? List.of("velocity", "momentum", "average_gradient")
          : List.of("velocity", "momentum");
    }
    return centered ? List.of("velocity", "average_gradient") : List.of("velocity");
  }

  @Override
  void updateRange(float[] w, float[] g, float[][] state, float lr, int from, int to) {
    float[] m = momentum > 0f ? state[1] : null;
    float[] avg = centered ? state[state.length - 1] : null;
    // v = rho v + (1 - rho) g^2; [a = rho a + (1 - rho) g]; d = lr g / sqrt(v [- a^2] + eps);
    // [m = momentum m + d; d = m]; w -= d
    Engines.current().elementwise().rmspropRange(rule(), lr, w, g, state[0], m, avg, from, to);
  }

  /** The hyperparameters as the kernel takes them, made again only if they changed. */
  private RmspropRule rule() {
    RmspropRule r = rule;
    if (r == null || r.rho() != rho || r.momentum() != momentum || r.epsilon() != epsilon) {
      r = new RmspropRule(rho, momentum, epsilon);
      rule = r;
    }
    return r;
  }

  @Override
  public String toString() {
    return "RMSprop(learning_rate=" + learningRate() + ", rho=" + rho + ", momentum=" + momentum
        + ", epsilon=" + epsilon + ", centered=" + centered + clippingText() + ")";
  }
}
