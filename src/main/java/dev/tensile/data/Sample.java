package dev.tensile.data;

/**
 * One sample from a user's iterator: its inputs and its targets, each flattened row-major.
 *
 * @param inputs the sample's input values, as many as the source's input shape holds
 * @param targets the sample's target values (one class index, or one value per output unit);
 *     an empty array for a source without targets
 */
public record Sample(float[] inputs, float[] targets) {
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
