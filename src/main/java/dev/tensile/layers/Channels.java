package dev.tensile.layers;

import java.util.Arrays;

/**
 * Per-channel passes over channels-last data seen as {@code rows x width}: adding a bias to every
 * row and summing the rows into a bias gradient.
 */
final class Channels {
  private Channels() {}

  /** {@code z[r][j] += b[j]} for every row. */
  static void addBias(float[] z, float[] b, int rows, int width) {
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      for (int j = 0; j < width; j++) {
        z[base + j] += b[j];
      }
    }
  }

  /** {@code sums[j] = sum over rows of g[r][j]}, in row order. */
  static void columnSums(float[] g, float[] sums, int rows, int width) {
    Arrays.fill(sums, 0, width, 0f);
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      for (int j = 0; j < width; j++) {
        sums[j] += g[base + j];
      }
    }
  }

  /** Fails if a layer is built: options are set before. */
  static void requireUnbuilt(Layer layer) {
    if (layer.isBuilt()) {
      throw new IllegalStateException(
          "layer '" + layer.name() + "' is already built; set options first");
    }
  }
}
