package dev.tensile.engine.vector;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Inputs and output buffers for the vector kernels' tests. */
final class TestArrays {
  private TestArrays() {}

  /**
   * Seeded values uniform in [-1, 1).
   *
   * @param size the number of values
   * @param random the seeded source
   * @return the values
   */
  static float[] uniform(int size, SplittableRandom random) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  /**
   * An output buffer of NaNs, so that an element a kernel fails to write cannot pass for a result.
   *
   * @param size the number of elements
   * @return the buffer
   */
  static float[] nans(int size) {
    float[] c = new float[size];
    Arrays.fill(c, Float.NaN);
    return c;
  }
}
