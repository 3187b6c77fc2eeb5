package dev.tensile.engine;

/** Products and transposes of small double matrices, for the transforms' definitions in tests. */
final class DoubleMatrices {
  private DoubleMatrices() {}

  /** Returns {@code a b}. */
  static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int p = 0; p < b.length; p++) {
          c[i][j] += a[i][p] * b[p][j];
        }
      }
    }
    return c;
  }

  /** Returns {@code a^T}. */
  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
