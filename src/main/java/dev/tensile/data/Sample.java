package dev.tensile.data;

import java.io.Serializable;

/**
 * One sample from a user's iterator: its inputs and its targets, each flattened row-major.
 * Serializable, so distributed engines such as Spark can hold collections of samples.
 *
 * @param inputs the sample's input values, as many as the source's input shape holds
 * @param targets the sample's target values (one class index, or one value per output unit);
 *     an empty array for a source without targets
 */
public record Sample(float[] inputs, float[] targets) implements Serializable {
  /**
   * Checks that both arrays are present.
   *
   * @param inputs the sample's input values
   * @param targets the sample's target values
   * @throws IllegalArgumentException if either is null
   */
  public Sample {
    if (inputs == null || targets == null) {
      throw new IllegalArgumentException("a sample needs inputs and targets (an empty array for none)");
    }
  }
}
