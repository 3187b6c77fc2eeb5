package dev.tensile.initializers;

import dev.tensile.config.ObjectConfig;

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

  /**
   * Describes the initializer as Keras's {@code get_config()} does, e.g. {@code {"class_name":
   * "GlorotUniform", "config": {"seed": 42}}}.
   *
   * @return the description
   * @throws UnsupportedOperationException if this initializer cannot be described
   */
  default ObjectConfig getConfig() {
    throw new UnsupportedOperationException(
        "initializer " + getClass().getName() + " does not describe itself; override getConfig()");
  }
}
