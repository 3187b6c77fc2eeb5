package dev.tensile.internal;

/**
 * Not API: the argument checks every {@code MatrixEngine} product shares, so that each engine
 * fails the same way on the same bad call.
 */
public final class MatrixArguments {
  private MatrixArguments() {}

  /**
   * Checks sizes non-negative, arrays long enough and the output not aliased to an input.
   *
   * @param a the left array
   * @param aSize elements the left matrix needs
   * @param b the right array
   * @param bSize elements the right matrix needs
   * @param c the output array
   * @param cSize elements the output needs
   * @throws IllegalArgumentException if any check fails
   */
  public static void check(float[] a, long aSize, float[] b, long bSize, float[] c, long cSize) {
    if (c == a || c == b) {
      throw new IllegalArgumentException("the output array must not be one of the inputs");
    }
    if (aSize < 0 || bSize < 0 || cSize < 0) {
      throw new IllegalArgumentException("matrix sizes must not be negative");
    }
    if (a.length < aSize || b.length < bSize || c.length < cSize) {
      throw new IllegalArgumentException(
          "arrays too short: need "
              + aSize + ", " + bSize + ", " + cSize + " elements, have "
              + a.length + ", " + b.length + ", " + c.length);
    }
  }
}
