package dev.tensile.optimizers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.Engines;
import java.util.List;

/**
 * Adagrad, Keras's {@code Adagrad(learning_rate=0.001, initial_accumulator_value=0.1,
 * epsilon=1e-7)}:
 *
 * <pre>
 * a = a + g^2                  (a starts at initial_accumulator_value, not 0)
 * w = w - lr g / sqrt(a + eps)  (eps inside the square root, as in Keras)
 * </pre>
 */
public final class Adagrad extends ElementwiseOptimizer {
  /** Keras's default learning rate for Adagrad. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** Keras's default starting value of the accumulator. */
  public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
  /** Keras's {@code backend.epsilon()}. */
  public static final double DEFAULT_EPSILON = 1e-7;

  private float initialAccumulatorValue = (float) DEFAULT_INITIAL_ACCUMULATOR_VALUE;
  private float epsilon = (float) DEFAULT_EPSILON;

  /** Makes Adagrad with Keras's defaults. */
  public Adagrad() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Makes Adagrad with a learning rate and otherwise Keras's defaults.
   *
   * @param learningRate the step size; finite and positive
   */
  public Adagrad(double learningRate) {
    super(learningRate);
  }

  /**
   * Sets the accumulator's starting value (default 0.1).
   *
   * @param value finite, at least 0
   * @return this optimizer
   */
  public Adagrad initialAccumulatorValue(double value) {
    initialAccumulatorValue = nonNegativeSetting("initial_accumulator_value", value);
    return this;
  }

  /**
   * Sets epsilon (default 1e-7), added inside the square root.
   *
   * @param value finite, at least 0
   * @return this optimizer
   */
  public Adagrad epsilon(double value) {
    epsilon = nonNegativeSetting("epsilon", value);
    return this;
  }

  /**
   * Returns the accumulator's starting value.
   *
   * @return {@code initial_accumulator_value}
   */
  public float initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  /**
   * Returns epsilon.
   *
   * @return {@code epsilon}
   */
  public float epsilon() {
    return epsilon;
  }

  @Override
  protected void addConfig(ObjectConfig.Builder config) {
    config.put("initial_accumulator_value", initialAccumulatorValue).put("epsilon", epsilon);
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
  public static Adagrad fromConfig(ObjectConfig config, Resolver resolver) {
    return withCommonConfig(config, () -> new Adagrad(learningRate(config, DEFAULT_LEARNING_RATE))
          .initialAccumulatorValue(
              config.getDouble("initial_accumulator_value", DEFAULT_INITIAL_ACCUMULATOR_VALUE))
          .epsilon(config.getDouble("epsilon", DEFAULT_EPSILON)));
  }

  @Override
  protected List<String> slotNames() {
    return List.of("accumulator");
  }

  @Override
  protected float initialSlotValue(int slot) {
    return initialAccumulatorValue;
  }

  @Override
  void updateRange(float[] w, float[] g, float[][] state, float lr, int from, int to) {
    // a += g^2; w -= lr g / sqrt(a + eps)
    Engines.current().elementwise().adagradRange(w, g, state[0], lr, epsilon, from, to);
  }

  @Override
  public String toString() {
    return "Adagrad(learning_rate=" + learningRate() + ", initial_accumulator_value="
        + initialAccumulatorValue + ", epsilon=" + epsilon + clippingText() + ")";
  }
}
