package dev.tensile.engine;

import java.util.Arrays;

/**
 * The portable {@link Winograd} transforms, plain loops over a tile's channels. Each 2-D
 * transform is done in two passes through a 16-float tile buffer: the columns, then the rows. Each
 * tile's transform is also offered over a range of channels, so that a vectorised subclass
 * handles the last {@code channels mod L} with the same code.
 */
public class ScalarWinograd implements Winograd {
  /** Each thread's tile buffer. */
  private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[16]);

  /** The shared instance; the kernels hold no state. */
  public static final ScalarWinograd INSTANCE = new ScalarWinograd();

  /** Makes the kernels; subclasses replace the per-tile steps with faster ones. */
  protected ScalarWinograd() {}

  @Override
  public void inputTiles(
      float[] x, int tilesHigh, int tilesWide, int channels, float[][] v, int from, int to) {
    float[] tile = tileScratch();
    int line = (2 * tilesWide + 2) * channels;
    int image = (2 * tilesHigh + 2) * line;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = n * image + 2 * ty * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          inputTile(x, first + 2 * tx * channels, line, channels, v, (t + tx) * channels, tile);
        }
      }
    }
  }

  @Override
  public void outputTiles(
      float[][] m, int tilesHigh, int tilesWide, int filters, float[] y, int from, int to) {
    float[] tile = tileScratch();
    int line = 2 * tilesWide * filters;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = (n * tilesHigh + ty) * 2 * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          outputTile(m, (t + tx) * filters, y, first + 2 * tx * filters, line, filters, tile);
        }
      }
    }
  }

  @Override
  public void outputGradientTiles(
      float[] dy, int tilesHigh, int tilesWide, int filters, float[][] dm, int from, int to) {
    float[] tile = tileScratch();
    int line = 2 * tilesWide * filters;
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = (n * tilesHigh + ty) * 2 * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          outputGradientTile(
              dy, first + 2 * tx * filters, line, filters, dm, (t + tx) * filters, tile);
        }
      }
    }
  }

  @Override
  public void inputGradientTiles(
      float[][] dv, int tilesHigh, int tilesWide, int channels, float[] dx, int from, int to) {
    float[] tile = tileScratch();
    int line = (2 * tilesWide + 2) * channels;
    int image = (2 * tilesHigh + 2) * line;
    Arrays.fill(dx, from * image, to * image, 0f);
    for (int n = from; n < to; n++) {
      for (int ty = 0; ty < tilesHigh; ty++) {
        int t = ((n - from) * tilesHigh + ty) * tilesWide;
        int first = n * image + 2 * ty * line;
        for (int tx = 0; tx < tilesWide; tx++) {
          inputGradientTile(
              dv, (t + tx) * channels, dx, first + 2 * tx * channels, line, channels, tile);
        }
      }
    }
  }

  /**
   * Returns the calling thread's room for one tile between the two passes of a transform; fetched
   * once per call of a transform.
   *
   * @return at least 16 floats
   */
  protected float[] tileScratch() {
    return TILE.get();
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
   * column, each column's rows combined as {@code (0 - 2, 1 + 2, 2 - 1, 1 - 3)}, then the same
   * combinations of each row's columns.
   *
   * @param x the padded input
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param v the transformed matrices; modified
   * @param vi the index of the tile's row in each of them
   * @param tile at least 16 floats between the passes
   * @param c0 the first channel
   * @param c1 one past the last channel
   */
  protected static void inputTile(float[] x, int first, int line, int channels, float[][] v,
      int vi, float[] tile, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      for (int s = 0; s < 4; s++) {
        int p = first + c + s * channels;
        float x0 = x[p];
        float x1 = x[p + line];
        float x2 = x[p + 2 * line];
        float x3 = x[p + 3 * line];
        tile[s] = x0 - x2;
        tile[4 + s] = x1 + x2;
        tile[8 + s] = x2 - x1;
        tile[12 + s] = x1 - x3;
      }
      int i = vi + c;
      for (int r = 0; r < 4; r++) {
        float t0 = tile[4 * r];
        float t1 = tile[4 * r + 1];
        float t2 = tile[4 * r + 2];
        float t3 = tile[4 * r + 3];
        v[4 * r][i] = t0 - t2;
        v[4 * r + 1][i] = t1 + t2;
        v[4 * r + 2][i] = t2 - t1;
        v[4 * r + 3][i] = t1 - t3;
      }
    }
  }

  /**
   * {@link #outputTiles} for one tile, all its filters; a vectorised subclass replaces it.
   *
   * @param m the transformed outputs
   * @param mi the index of the tile's row in each of them
   * @param y the output images; modified
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
   * {@link #outputTiles} for one tile and the filters {@code [k0, k1)}: {@code A^T M} column by
   * column, each column's rows combined as {@code (0 + 1 + 2, 1 - 2 - 3)}, then the same
   * combinations of each row's columns.
   *
   * @param m the transformed outputs
   * @param mi the index of the tile's row in each of them
   * @param y the output images; modified
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param tile at least 16 floats between the passes
   * @param k0 the first filter
   * @param k1 one past the last filter
   */
  protected static void outputTile(float[][] m, int mi, float[] y, int first, int line,
      int filters, float[] tile, int k0, int k1) {
    for (int k = k0; k < k1; k++) {
      int i = mi + k;
      for (int s = 0; s < 4; s++) {
        float m0 = m[s][i];
        float m1 = m[4 + s][i];
        float m2 = m[8 + s][i];
        float m3 = m[12 + s][i];
        tile[s] = m0 + m1 + m2;
        tile[4 + s] = m1 - m2 - m3;
      }
      for (int r = 0; r < 2; r++) {
        float t0 = tile[4 * r];
        float t1 = tile[4 * r + 1];
        float t2 = tile[4 * r + 2];
        float t3 = tile[4 * r + 3];
        int o = first + r * line + k;
        y[o] = t0 + t1 + t2;
        y[o + filters] = t1 - t2 - t3;
      }
    }
  }

  /**
   * {@link #outputGradientTiles} for one tile, all its filters; a vectorised subclass replaces it.
   *
   * @param dy the output gradient
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
   * {@link #outputGradientTiles} for one tile and the filters {@code [k0, k1)}: {@code A g} column
   * by column, each column's two rows combined as {@code (0, 0 + 1, 0 - 1, -1)}, then the same
   * combinations of each row's two columns.
   *
   * @param dy the output gradient
   * @param first the index of the tile's first output's first filter
   * @param line floats per output row
   * @param filters the filters
   * @param dm the transformed gradient matrices; modified
   * @param mi the index of the tile's row in each of them
   * @param tile at least 8 floats between the passes
   * @param k0 the first filter
   * @param k1 one past the last filter
   */
  protected static void outputGradientTile(float[] dy, int first, int line, int filters,
      float[][] dm, int mi, float[] tile, int k0, int k1) {
    for (int k = k0; k < k1; k++) {
      for (int s = 0; s < 2; s++) {
        int o = first + k + s * filters;
        float g0 = dy[o];
        float g1 = dy[o + line];
        tile[s] = g0;
        tile[2 + s] = g0 + g1;
        tile[4 + s] = g0 - g1;
        tile[6 + s] = -g1;
      }
      int i = mi + k;
      for (int r = 0; r < 4; r++) {
        float h0 = tile[2 * r];
        float h1 = tile[2 * r + 1];
        dm[4 * r][i] = h0;
        dm[4 * r + 1][i] = h0 + h1;
        dm[4 * r + 2][i] = h0 - h1;
        dm[4 * r + 3][i] = -h1;
      }
    }
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
   * column by column, each column's rows combined as {@code (0, 1 - 2 + 3, 1 + 2 - 0, -3)}, then
   * the same combinations of each row's columns, added onto the window.
   *
   * @param dv the gradient matrices of the transformed inputs
   * @param vi the index of the tile's row in each of them
   * @param dx the padded input gradient; modified
   * @param first the index of the window's first pixel's first channel
   * @param line floats per padded row
   * @param channels the channels
   * @param tile at least 16 floats between the passes
   * @param c0 the first channel
   * @param c1 one past the last channel
   */
  protected static void inputGradientTile(float[][] dv, int vi, float[] dx, int first, int line,
      int channels, float[] tile, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      int i = vi + c;
      for (int s = 0; s < 4; s++) {
        float v0 = dv[s][i];
        float v1 = dv[4 + s][i];
        float v2 = dv[8 + s][i];
        float v3 = dv[12 + s][i];
        tile[s] = v0;
        tile[4 + s] = v1 - v2 + v3;
        tile[8 + s] = v1 + v2 - v0;
        tile[12 + s] = -v3;
      }
      for (int r = 0; r < 4; r++) {
        float t0 = tile[4 * r];
        float t1 = tile[4 * r + 1];
        float t2 = tile[4 * r + 2];
        float t3 = tile[4 * r + 3];
        int p = first + r * line + c;
        dx[p] += t0;
        dx[p + channels] += t1 - t2 + t3;
        dx[p + 2 * channels] += t1 + t2 - t0;
        dx[p + 3 * channels] -= t3;
      }
    }
  }
}
