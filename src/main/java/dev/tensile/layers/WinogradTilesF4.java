package dev.tensile.layers;

import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.WinogradF4;

/**
 * Winograd's {@code F(4 x 4, 3 x 3)}: 6 x 6 transforms of 4 x 4 outputs, by the engine's {@link
 * WinogradF4} kernels, for outputs of any size (the last tiles of a row or column are cut). With
 * {@code G = [[1/4, 0, 0], [-1/6, -1/6, -1/6], [-1/6, 1/6, -1/6], [1/24, 1/12, 1/6], [1/24,
 * -1/12, 1/6], [0, 0, 1]]}, the kernel's transform rounds at each of its few steps, like the
 * products it feeds.
 */
final class WinogradTilesF4 implements WinogradTiles {
  /** The only instance; it holds no state. */
  static final WinogradTilesF4 INSTANCE = new WinogradTilesF4();

  private static final float SIXTH = 1f / 6f;

  private WinogradTilesF4() {}

  @Override
  public int size() {
    return WinogradF4.TILE;
  }

  @Override
  public int positions() {
    return WinogradF4.POSITIONS;
  }

  /**
   * 128: the 36 transformed outputs of 128 tiles and 64 filters are 1.2 MB. Measured on JDK 25 in
   * the chapter's model, 8 images a block (4 blocks of a batch of 32, two per thread) made the step
   * 2.73-2.74 ms, 6 images 2.93 and 12 images 3.24-3.32.
   */
  @Override
  public int blockTiles() {
    return 128;
  }

  /** Each of the kernel's columns expanded to 6 rows, then each of those rows to 6 columns. */
  @Override
  public void transformKernel(float[] g, int pairs, int from, int to, float[][] u, float[] taps) {
    for (int q = from; q < to; q++) {
      for (int j = 0; j < 3; j++) {
        // The kernel's column j, rows 0, 1, 2: g[(3 i + j) pairs + q], into taps[3 r + j].
        expand(g[j * pairs + q], g[(3 + j) * pairs + q], g[(6 + j) * pairs + q], taps, j, 3);
      }
      for (int r = 0; r < 6; r++) {
        // Row r of G g expanded into the room past the columns' 18, then out to U.
        expand(taps[3 * r], taps[3 * r + 1], taps[3 * r + 2], taps, 18, 1);
        for (int s = 0; s < 6; s++) {
          u[6 * r + s][q] = taps[18 + s];
        }
      }
    }
  }

  /** {@code G (a, b, c)}, into {@code out[o + j step]}. */
  private static void expand(float a, float b, float c, float[] out, int o, int step) {
    out[o] = a * 0.25f;
    out[o + step] = -(a + b + c) * SIXTH;
    out[o + 2 * step] = -(a - b + c) * SIXTH;
    out[o + 3 * step] = (a * 0.25f + b * 0.5f + c) * SIXTH;
    out[o + 4 * step] = (a * 0.25f - b * 0.5f + c) * SIXTH;
    out[o + 5 * step] = c;
  }

  /** Each of dU's columns reduced to 3 rows by {@code G^T}, then each such row to 3 columns. */
  @Override
  public void untransformKernel(float[][] du, int pairs, float[] dg, float[] taps) {
    for (int q = 0; q < pairs; q++) {
      for (int s = 0; s < 6; s++) {
        reduce(du[s][q], du[6 + s][q], du[12 + s][q], du[18 + s][q], du[24 + s][q],
            du[30 + s][q], taps, s, 6);
      }
      for (int i = 0; i < 3; i++) {
        int o = 6 * i;
        reduce(taps[o], taps[o + 1], taps[o + 2], taps[o + 3], taps[o + 4], taps[o + 5], dg,
            3 * i * pairs + q, pairs);
      }
    }
  }

  /** {@code G^T (w0 .. w5)}, into {@code out[o + j step]}; the arguments are read first. */
  private static void reduce(
      float w0, float w1, float w2, float w3, float w4, float w5, float[] out, int o, int step) {
    float p = w1 + w2;
    float d = w2 - w1;
    float r = w3 + w4;
    float e = w3 - w4;
    out[o] = w0 * 0.25f + (r * 0.25f - p) * SIXTH;
    out[o + step] = (d + e * 0.5f) * SIXTH;
    out[o + 2 * step] = (r - p) * SIXTH + w5;
  }

  @Override
  public void inputTiles(MatrixEngine engine, float[] x, int tilesHigh, int tilesWide,
      int channels, float[][] v, int from, int to) {
    engine.winogradF4().inputTiles(x, tilesHigh, tilesWide, channels, v, from, to);
  }

  @Override
  public void outputTiles(MatrixEngine engine, float[][] m, int tilesHigh, int tilesWide,
      int height, int width, int filters, float[] y, int from, int to) {
    engine.winogradF4().outputTiles(m, tilesHigh, tilesWide, height, width, filters, y, from, to);
  }

  @Override
  public void outputGradientTiles(MatrixEngine engine, float[] dy, int tilesHigh, int tilesWide,
      int height, int width, int filters, float[][] dm, int from, int to) {
    engine.winogradF4()
        .outputGradientTiles(dy, tilesHigh, tilesWide, height, width, filters, dm, from, to);
  }

  @Override
  public void inputGradientTiles(MatrixEngine engine, float[][] dv, int tilesHigh, int tilesWide,
      int channels, float[] dx, int from, int to) {
    engine.winogradF4().inputGradientTiles(dv, tilesHigh, tilesWide, channels, dx, from, to);
  }
}
