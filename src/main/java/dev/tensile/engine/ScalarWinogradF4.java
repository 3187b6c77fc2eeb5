package dev.tensile.engine;

import java.util.Arrays;

/**
 * The portable {@link WinogradF4} transforms, plain loops over a tile's channels. Each 2-D
 * transform is done in two passes through a 36-float tile buffer: the columns, then the rows. The
 * tiles of an image's last row and column, which reach past its outputs, go through a staging
 * tile of whole 4 x 4 outputs: forward transforms into it and copies the part inside out, backward
 * copies that part in and leaves the rest zero. Each tile's transform is also offered over a range
 * of channels, so that a vectorised subclass handles the last {@code channels mod L} with the
 * same code.
 */
public class ScalarWinogradF4 implements WinogradF4 {
  private static final int SIDE = 6;
  private static final int T = TILE;

  /** Each thread's tile buffer. */
  private static final ThreadLocal<float[]> TILE_BUFFER =
      ThreadLocal.withInitial(() -> new float[POSITIONS]);

  /** Each thread's staging tile of 4 x 4 outputs, grown to the filters. */
  private static final ThreadLocal<float[][]> STAGING =
      ThreadLocal.withInitial(() -> new float[][] {new float[0]});

  /** The shared instance; the kernels hold no state. */
  public static final ScalarWinogradF4 INSTANCE = new ScalarWinogradF4();

  /** Makes the kernels; subclasses replace the per-tile steps with faster ones. */
  protected ScalarWinogradF4() {}

  @Override
  public void inputTiles(
      float[] x, int tilesHigh, int tilesWide, int channels, float[][] v, int from, int to) {
    float[] tile = tileScratch();
    int line = (T * tilesWide + 2) * channels;
    int image = (T * tilesHigh + 2) * line;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = n * image + T * ty * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          inputTile(x, first + T * tx * channels, line, channels, v, (t + tx) * channels, tile);
        }
      }
    }
  }

  @Override
  public void outputTiles(float[][] m, int tilesHigh, int tilesWide, int height, int width,
      int filters, float[] y, int from, int to) {
    checkExtent(tilesHigh, height, "height");
    checkExtent(tilesWide, width, "width");
    float[] tile = tileScratch();
    float[] staging = staging(filters);
    int line = width * filters;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int rows = Math.min(T, height - T * ty);
        int first = (n * height + T * ty) * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          int cols = Math.min(T, width - T * tx);
          int mi = (t + tx) * filters;
          int corner = first + T * tx * filters;
          if (rows == T && cols == T) {
            outputTile(m, mi, y, corner, line, filters, tile);
          } else {
            outputTile(m, mi, staging, 0, T * filters, filters, tile);
            for (int r = 0; r < rows; r++) {
              System.arraycopy(staging, r * T * filters, y, corner + r * line, cols * filters);
            }
          }
        }
      }
    }
  }

  @Override
  public void outputGradientTiles(float[] dy, int tilesHigh, int tilesWide, int height, int width,
      int filters, float[][] dm, int from, int to) {
    checkExtent(tilesHigh, height, "height");
    checkExtent(tilesWide, width, "width");
    float[] tile = tileScratch();
    float[] staging = staging(filters);
    int line = width * filters;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int rows = Math.min(T, height - T * ty);
        int first = (n * height + T * ty) * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          int cols = Math.min(T, width - T * tx);
          int mi = (t + tx) * filters;
          int corner = first + T * tx * filters;
          if (rows == T && cols == T) {
            outputGradientTile(dy, corner, line, filters, dm, mi, tile);
          } else {
            Arrays.fill(staging, 0, T * T * filters, 0f);
            for (int r = 0; r < rows; r++) {
              System.arraycopy(dy, corner + r * line, staging, r * T * filters, cols * filters);
            }
            outputGradientTile(staging, 0, T * filters, filters, dm, mi, tile);
          }
        }
      }
    }
  }

  @Override
  public void inputGradientTiles(
      float[][] dv, int tilesHigh, int tilesWide, int channels, float[] dx, int from, int to) {
    float[] tile = tileScratch();
    int line = (T * tilesWide + 2) * channels;
    int image = (T * tilesHigh + 2) * line;
    Arrays.fill(dx, from * image, to * image, 0f);
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = n * image + T * ty * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          inputGradientTile(
              dv, (t + tx) * channels, dx, first + T * tx * channels, line, channels, tile);
        }
      }
    }
  }

  private static void checkExtent(int tiles, int extent, String what) {
    if (extent > T * tiles || extent <= T * (tiles - 1)) {
      throw new IllegalArgumentException("an output " + what + " of " + extent + " is not covered"
          + " by " + tiles + " tiles of " + T + ": expected " + (T * (tiles - 1) + 1) + " to "
          + T * tiles);
    }
  }

  private static float[] staging(int filters) {
    float[][] holder = STAGING.get();
    if (holder[0].length < T * T * filters) {
      holder[0] = new float[T * T * filters];
    }
    return holder[0];
  }

  /**
   * Returns the calling thread's room for one tile between the two passes of a transform; fetched
   * once per call of a transform.
   *
   * @return at least 36 floats
   */
  protected float[] tileScratch() {
    return TILE_BUFFER.get();
  }

  /**
   * {@link #inputTiles} for one tile, all its channels; a vectorised subclass replaces it.
   *
   * @param x the padded input
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param v the transformed matrices; modified
   * @param vi the index of the tile's row in each of them
   * @param tile the calling thread's {@link #tileScratch()}
   */
  protected void inputTile(
      float[] x, int first, int line, int channels, float[][] v, int vi, float[] tile) {
    inputTile(x, first, line, channels, v, vi, tile, 0, channels);
  }

  /**
   * {@link #inputTiles} for one tile and the channels {@code [c0, c1)}: {@code B^T d} column by
   * column, then the same combinations of each row's columns. Of six values {@code d0 .. d5}, with
   * {@code c = d4 - d2} and {@code e = 2 (d3 - d1)}, the combinations are {@code c + 4 (d0 - d2)},
   * {@code (d4 - 4 d2) +- (d3 - 4 d1)}, {@code c +- e} and {@code (d5 - d3) + 4 (d1 - d3)}.
   *
   * @param x the padded input
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param v the transformed matrices; modified
   * @param vi the index of the tile's row in each of them
   * @param tile at least 36 floats between the passes
   * @param c0 the first channel
   * @param c1 one past the last channel
   */
  protected static void inputTile(float[] x, int first, int line, int channels, float[][] v,
      int vi, float[] tile, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      for (int s = 0; s < SIDE; s++) {
        int p = first + c + s * channels;
        inputCombinations(x[p], x[p + line], x[p + 2 * line], x[p + 3 * line], x[p + 4 * line],
            x[p + 5 * line], tile, s, SIDE);
      }
      int i = vi + c;
      for (int r = 0; r < SIDE; r++) {
        int o = SIDE * r;
        // Over the row itself (the call reads it first), then out to V.
        inputCombinations(tile[o], tile[o + 1], tile[o + 2], tile[o + 3], tile[o + 4],
            tile[o + 5], tile, o, 1);
        for (int s = 0; s < SIDE; s++) {
          v[o + s][i] = tile[o + s];
        }
      }
    }
  }

  /** The six combinations of {@code B^T d}, into {@code out[o + j step]}, read before written. */
  private static void inputCombinations(
      float d0, float d1, float d2, float d3, float d4, float d5, float[] out, int o, int step) {
    float c = d4 - d2;
    float a = d4 - d2 * 4f;
    float b = d3 - d1 * 4f;
    float e = (d3 - d1) * 2f;
    out[o] = c + (d0 - d2) * 4f;
    out[o + step] = a + b;
    out[o + 2 * step] = a - b;
    out[o + 3 * step] = c + e;
    out[o + 4 * step] = c - e;
    out[o + 5 * step] = (d5 - d3) + (d1 - d3) * 4f;
  }

  /**
   * {@link #outputTiles} for one whole tile, all its filters; a vectorised subclass replaces it.
   *
   * @param m the transformed outputs
   * @param mi the index of the tile's row in each of them
   * @param y the output images, or a staging tile; modified
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param tile the calling thread's {@link #tileScratch()}
   */
  protected void outputTile(
      float[][] m, int mi, float[] y, int first, int line, int filters, float[] tile) {
    outputTile(m, mi, y, first, line, filters, tile, 0, filters);
  }

  /**
   * {@link #outputTiles} for one whole tile and the filters {@code [k0, k1)}: {@code A^T M}
   * column by column, then the same combinations of each row's columns. Of six values {@code m0
   * .. m5}, with {@code p = m1 + m2}, {@code q = m1 - m2}, {@code r = m3 + m4} and {@code s = m3 -
   * m4}, they are {@code (m0 + p) + r}, {@code q + 2 s}, {@code p + 4 r} and {@code (q + 8 s) +
   * m5}.
   *
   * @param m the transformed outputs
   * @param mi the index of the tile's row in each of them
   * @param y the output images, or a staging tile; modified
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param tile at least 24 floats between the passes
   * @param k0 the first filter
   * @param k1 one past the last filter
   */
  protected static void outputTile(float[][] m, int mi, float[] y, int first, int line,
      int filters, float[] tile, int k0, int k1) {
    for (int k = k0; k < k1; k++) {
      int i = mi + k;
      for (int s = 0; s < SIDE; s++) {
        outputCombinations(m[s][i], m[SIDE + s][i], m[2 * SIDE + s][i], m[3 * SIDE + s][i],
            m[4 * SIDE + s][i], m[5 * SIDE + s][i], tile, s, SIDE);
      }
      for (int r = 0; r < T; r++) {
        int o = SIDE * r;
        outputCombinations(tile[o], tile[o + 1], tile[o + 2], tile[o + 3], tile[o + 4],
            tile[o + 5], y, first + r * line + k, filters);
      }
    }
  }

  /** The four combinations of {@code A^T m}, into {@code out[o + j step]}. */
  private static void outputCombinations(
      float m0, float m1, float m2, float m3, float m4, float m5, float[] out, int o, int step) {
    float p = m1 + m2;
    float q = m1 - m2;
    float r = m3 + m4;
    float s = m3 - m4;
    out[o] = (m0 + p) + r;
    out[o + step] = q + s * 2f;
    out[o + 2 * step] = p + r * 4f;
    out[o + 3 * step] = (q + s * 8f) + m5;
  }

  /**
   * {@link #outputGradientTiles} for one whole tile, all its filters; a vectorised subclass
   * replaces it.
   *
   * @param dy the output gradient, or a staging tile
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param dm the transformed gradient matrices; modified
   * @param mi the index of the tile's row in each of them
   * @param tile the calling thread's {@link #tileScratch()}
   */
  protected void outputGradientTile(
      float[] dy, int first, int line, int filters, float[][] dm, int mi, float[] tile) {
    outputGradientTile(dy, first, line, filters, dm, mi, tile, 0, filters);
  }

  /**
   * {@link #outputGradientTiles} for one whole tile and the filters {@code [k0, k1)}: {@code A g}
   * column by column, then the same combinations of each row's four columns. Of four values
   * {@code g0 .. g3}, with {@code e = g0 + g2}, {@code o = g1 + g3}, {@code f = g0 + 4 g2} and
   * {@code h = 2 (g1 + 4 g3)}, they are {@code g0}, {@code e +- o}, {@code f +- h} and {@code g3}.
   *
   * @param dy the output gradient, or a staging tile
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param dm the transformed gradient matrices; modified
   * @param mi the index of the tile's row in each of them
   * @param tile at least 30 floats between the passes
   * @param k0 the first filter
   * @param k1 one past the last filter
   */
  protected static void outputGradientTile(float[] dy, int first, int line, int filters,
      float[][] dm, int mi, float[] tile, int k0, int k1) {
    for (int k = k0; k < k1; k++) {
      for (int s = 0; s < T; s++) {
        int o = first + k + s * filters;
        gradientCombinations(dy[o], dy[o + line], dy[o + 2 * line], dy[o + 3 * line], tile, s, T);
      }
      int i = mi + k;
      for (int r = 0; r < SIDE; r++) {
        int o = T * r;
        // Into the tile's room past the columns' 24 results, then out to dM.
        gradientCombinations(tile[o], tile[o + 1], tile[o + 2], tile[o + 3], tile, 24, 1);
        for (int s = 0; s < SIDE; s++) {
          dm[SIDE * r + s][i] = tile[24 + s];
        }
      }
    }
  }

  /** The six combinations of {@code A g}, into {@code out[o + j step]}. */
  private static void gradientCombinations(
      float g0, float g1, float g2, float g3, float[] out, int o, int step) {
    float e = g0 + g2;
    float odd = g1 + g3;
    float f = g0 + g2 * 4f;
    float h = (g1 + g3 * 4f) * 2f;
    out[o] = g0;
    out[o + step] = e + odd;
    out[o + 2 * step] = e - odd;
    out[o + 3 * step] = f + h;
    out[o + 4 * step] = f - h;
    out[o + 5 * step] = g3;
  }

  /**
   * {@link #inputGradientTiles} for one tile, all its channels; a vectorised subclass replaces it.
   *
   * @param dv the gradient matrices of the transformed inputs
   * @param vi the index of the tile's row in each of them
   * @param dx the padded input gradient; modified
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param tile the calling thread's {@link #tileScratch()}
   */
  protected void inputGradientTile(
      float[][] dv, int vi, float[] dx, int first, int line, int channels, float[] tile) {
    inputGradientTile(dv, vi, dx, first, line, channels, tile, 0, channels);
  }

  /**
   * {@link #inputGradientTiles} for one tile and the channels {@code [c0, c1)}: {@code B dV}
   * column by column, then the same combinations of each row's columns, added onto the window. Of
   * six values {@code v0 .. v5}, with {@code S = v1 + v2}, {@code D = v1 - v2}, {@code S' = v3 +
   * v4} and {@code D' = v3 - v4}, they are {@code 4 v0}, {@code 4 (v5 - D) - 2 D'}, {@code -((4 S
   * + S') + 5 v0)}, {@code (D + 2 D') - 5 v5}, {@code (v0 + S) + S'} and {@code v5}.
   *
   * @param dv the gradient matrices of the transformed inputs
   * @param vi the index of the tile's row in each of them
   * @param dx the padded input gradient; modified
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param tile at least 36 floats between the passes
   * @param c0 the first channel
   * @param c1 one past the last channel
   */
  protected static void inputGradientTile(float[][] dv, int vi, float[] dx, int first, int line,
      int channels, float[] tile, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      int i = vi + c;
      for (int s = 0; s < SIDE; s++) {
        inputGradientCombinations(dv[s][i], dv[SIDE + s][i], dv[2 * SIDE + s][i],
            dv[3 * SIDE + s][i], dv[4 * SIDE + s][i], dv[5 * SIDE + s][i], tile, s, SIDE);
      }
      for (int r = 0; r < SIDE; r++) {
        int o = SIDE * r;
        int p = first + r * line + c;
        // Over the row itself (the call reads it first), then added onto the window.
        inputGradientCombinations(tile[o], tile[o + 1], tile[o + 2], tile[o + 3], tile[o + 4],
            tile[o + 5], tile, o, 1);
        for (int s = 0; s < SIDE; s++) {
          dx[p + s * channels] += tile[o + s];
        }
      }
    }
  }

  /** The six combinations of {@code B v}, into {@code out[o + j step]}, read before written. */
  private static void inputGradientCombinations(
      float v0, float v1, float v2, float v3, float v4, float v5, float[] out, int o, int step) {
    float sum = v1 + v2;
    float difference = v1 - v2;
    float sum2 = v3 + v4;
    float difference2 = v3 - v4;
    out[o] = v0 * 4f;
    out[o + step] = (v5 - difference) * 4f - difference2 * 2f;
    out[o + 2 * step] = -((sum * 4f + sum2) + v0 * 5f);
    out[o + 3 * step] = (difference + difference2 * 2f) - v5 * 5f;
    out[o + 4 * step] = (v0 + sum) + sum2;
    out[o + 5 * step] = v5;
  }
}
