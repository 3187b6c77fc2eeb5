package dev.tensile.layers;

import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.Winograd;

/**
 * Winograd's {@code F(2 x 2, 3 x 3)}: 4 x 4 transforms of 2 x 2 outputs, by the engine's {@link
 * Winograd} kernels, for outputs of even height and width. Its coefficients are 0, 1, -1 and 1/2.
 */
final class WinogradTilesF2 implements WinogradTiles {
  /** The only instance; it holds no state. */
  static final WinogradTilesF2 INSTANCE = new WinogradTilesF2();

  private WinogradTilesF2() {}

  @Override
  public int size() {
    return 2;
  }

  @Override
  public int positions() {
    return Winograd.POSITIONS;
  }

  /**
   * 192: the 16 transformed outputs of 192 tiles and 64 filters are 800 KB. Measured on the
   * chapter's model, 4 images a block ran about 10% faster than 2 (more rows per product, fewer
   * products and parts to sum) and no slower than 6.
   */
  @Override
  public int blockTiles() {
    return 192;
  }

  /**
   * With {@code G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]}: each of the
   * kernel's columns expanded to 4 rows, then each of those rows to 4 columns.
   */
  @Override
  public void transformKernel(float[] g, int pairs, int from, int to, float[][] u, float[] taps) {
    for (int q = from; q < to; q++) {
      // The kernel's rows i = 0, 1, 2 at its columns j = 0, 1, 2: g[(3 i + j) pairs + q].
      float g00 = g[q];
      float g01 = g[q + pairs];
      float g02 = g[q + 2 * pairs];
      float g10 = g[q + 3 * pairs];
      float g11 = g[q + 4 * pairs];
      float g12 = g[q + 5 * pairs];
      float g20 = g[q + 6 * pairs];
      float g21 = g[q + 7 * pairs];
      float g22 = g[q + 8 * pairs];
      expandRow(u, g00, g01, g02, 0, q);
      expandRow(u, 0.5f * (g00 + g10 + g20), 0.5f * (g01 + g11 + g21), 0.5f * (g02 + g12 + g22),
          1, q);
      expandRow(u, 0.5f * (g00 - g10 + g20), 0.5f * (g01 - g11 + g21), 0.5f * (g02 - g12 + g22),
          2, q);
      expandRow(u, g20, g21, g22, 3, q);
    }
  }

  /** Row r of {@code G g}, expanded to U's positions {@code 4 r .. 4 r + 3} of pair q. */
  private static void expandRow(float[][] u, float t0, float t1, float t2, int r, int q) {
    u[4 * r][q] = t0;
    u[4 * r + 1][q] = 0.5f * (t0 + t1 + t2);
    u[4 * r + 2][q] = 0.5f * (t0 - t1 + t2);
    u[4 * r + 3][q] = t2;
  }

  /**
   * Each of dU's columns reduced to 3 rows, then each of those rows to 3 columns, by {@code G^T =
   * [[1, 1/2, 1/2, 0], [0, 1/2, -1/2, 0], [0, 1/2, 1/2, 1]]}.
   */
  @Override
  public void untransformKernel(float[][] du, int pairs, float[] dg, float[] taps) {
    for (int q = 0; q < pairs; q++) {
      for (int s = 0; s < 4; s++) {
        float w0 = du[s][q];
        float w1 = du[4 + s][q];
        float w2 = du[8 + s][q];
        float w3 = du[12 + s][q];
        taps[s] = w0 + 0.5f * (w1 + w2);
        taps[4 + s] = 0.5f * (w1 - w2);
        taps[8 + s] = 0.5f * (w1 + w2) + w3;
      }
      for (int i = 0; i < 3; i++) {
        float h0 = taps[4 * i];
        float h1 = taps[4 * i + 1];
        float h2 = taps[4 * i + 2];
        float h3 = taps[4 * i + 3];
        int tap = 3 * i * pairs + q;
        dg[tap] = h0 + 0.5f * (h1 + h2);
        dg[tap + pairs] = 0.5f * (h1 - h2);
        dg[tap + 2 * pairs] = 0.5f * (h1 + h2) + h3;
      }
    }
  }

  @Override
  public void inputTiles(MatrixEngine engine, float[] x, int tilesHigh, int tilesWide,
      int channels, float[][] v, int from, int to) {
    engine.winograd().inputTiles(x, tilesHigh, tilesWide, channels, v, from, to);
  }

  /** The outputs fill the tiles: {@code height} and {@code width} are twice the tiles. */
  @Override
  public void outputTiles(MatrixEngine engine, float[][] m, int tilesHigh, int tilesWide,
      int height, int width, int filters, float[] y, int from, int to) {
    engine.winograd().outputTiles(m, tilesHigh, tilesWide, filters, y, from, to);
  }

  /** The outputs fill the tiles: {@code height} and {@code width} are twice the tiles. */
  @Override
  public void outputGradientTiles(MatrixEngine engine, float[] dy, int tilesHigh, int tilesWide,
      int height, int width, int filters, float[][] dm, int from, int to) {
    engine.winograd().outputGradientTiles(dy, tilesHigh, tilesWide, filters, dm, from, to);
  }

  @Override
  public void inputGradientTiles(MatrixEngine engine, float[][] dv, int tilesHigh, int tilesWide,
      int channels, float[] dx, int from, int to) {
    engine.winograd().inputGradientTiles(dv, tilesHigh, tilesWide, channels, dx, from, to);
  }
}
