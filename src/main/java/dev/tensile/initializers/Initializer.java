package dev.tensile.initializers;

/** Fills a new weight with its starting values. */
public interface Initializer {

  /**
   * Writes the initial values of a weight.
   *
   * @param values the weight's elements, row-major; modified
   * @param shape the weight's shape, e.g. (inputs, units) for a Dense kernel
   */
  void initialize(float[] values, int[] shape);

  /**
   * Returns the Keras name.
   *
   * @return for example {@code "glorot_uniform"}
   */
  String name();
}
