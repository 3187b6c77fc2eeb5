package dev.tensile.initializers;

import dev.tensile.config.ObjectConfig;
import java.util.Arrays;

/** Every element equal to one value; {@code zeros} and {@code ones} are the common cases. */
public final class Constant implements Initializer {
  private final float value;
  private final String name;

  /**
   * Makes an initializer that writes {@code value} everywhere.
   *
   * @param value the value
   */
  public Constant(double value) {
    this(value, "constant");
  }

  private Constant(double value, String name) {
    this.value = (float) value;
    this.name = name;
  }

  /**
   * Keras's {@code "zeros"}, the default for biases.
   *
   * @return an initializer of zeros
   */
  public static Constant zeros() {
    return new Constant(0, "zeros");
  }

  /**
   * Keras's {@code "ones"}.
   *
   * @return an initializer of ones
   */
  public static Constant ones() {
    return new Constant(1, "ones");
  }

  /**
   * Returns the value written.
   *
   * @return the constant
   */
  public float value() {
    return value;
  }

  @Override
  public void initialize(float[] values, int[] shape) {
    Arrays.fill(values, value);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Describes the initializer: Keras's {@code Zeros} or {@code Ones} (no keys) or {@code
   * Constant} with its {@code value}.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    switch (name) {
      case "zeros":
        return ObjectConfig.builder(Initializers.MODULE, "Zeros").build();
      case "ones":
        return ObjectConfig.builder(Initializers.MODULE, "Ones").build();
      default:
        return ObjectConfig.builder(Initializers.MODULE, "Constant").put("value", value).build();
    }
  }

  @Override
  public String toString() {
    return name + "(" + value + ")";
  }
}
