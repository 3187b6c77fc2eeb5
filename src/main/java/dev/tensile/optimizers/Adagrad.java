package dev.tensile.optimizers;

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
public final class Adagrad extends Optimizer {
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
  protected List<String> slotNames() {
    return List.of("accumulator");
  }

  @Override
  protected float initialSlotValue(int slot) {
    return initialAccumulatorValue;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] state, float lr) {
    // a += g^2; w -= lr g / sqrt(a + eps)
    Engines.current().elementwise().adagrad(w, g, state[0], lr, epsilon);
  }

  @Override
  public String toString() {
    return "Adagrad(learning_rate=" + learningRate() + ", initial_accumulator_value="
        + initialAccumulatorValue + ", epsilon=" + epsilon + clippingText() + ")";
  }
}
