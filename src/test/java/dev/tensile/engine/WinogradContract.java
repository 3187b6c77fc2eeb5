package dev.tensile.engine;

import static dev.tensile.engine.DoubleMatrices.times;
import static dev.tensile.engine.DoubleMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Winograd}, run once per implementation by a subclass: each transform
 * against its definition as products of the transform matrices, computed here in double, over
 * channel counts around the vector widths and a range of images, whose tiles fill the matrices
 * from their first row and leave the other images and rows untouched.
 */
public abstract class WinogradContract {
  /** Channel counts: one, below, at and above the 8- and 16-float vector widths. */
  static final int[] CHANNELS = {1, 5, 8, 16, 19, 37};

  static final int IMAGES = 4;
  static final int FROM = 1;
  static final int TO = 3;
  static final int TILES_HIGH = 2;
  static final int TILES_WIDE = 3;

  private static final double[][] BT = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
  private static final double[][] AT = {{1, 1, 1, 0}, {0, 1, -1, -1}};

  /** A sentinel for elements a kernel must leave alone. */
  static final float UNTOUCHED = -7.25f;

  /**
   * Returns the kernels under test.
   *
   * @return the implementation
   */
  protected abstract Winograd kernels();

  private final SplittableRandom random = new SplittableRandom(11);

  float[] randoms(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  static float[][] matrices(int rows, int columns, float fill) {
    float[][] m = new float[Winograd.POSITIONS][rows * columns];
    for (float[] a : m) {
      java.util.Arrays.fill(a, fill);
    }
    return m;
  }

  static int tiles() {
    return IMAGES * TILES_HIGH * TILES_WIDE;
  }

  static int paddedIndex(int n, int r, int s, int c, int channels) {
    return ((n * (2 * TILES_HIGH + 2) + r) * (2 * TILES_WIDE + 2) + s) * channels + c;
  }

  static int outputIndex(int n, int r, int s, int k, int filters) {
    return ((n * 2 * TILES_HIGH + r) * 2 * TILES_WIDE + s) * filters + k;
  }


  /** The rows past the range's tiles are not the kernel's to write. */
  private static void untouchedPastTheRange(float[][] matrices, int columns) {
    int written = (TO - FROM) * TILES_HIGH * TILES_WIDE * columns;
    for (float[] matrix : matrices) {
      for (int i = written; i < matrix.length; i++) {
        assertEquals(UNTOUCHED, matrix[i], "past the range's tiles");
      }
    }
  }

  private static void near(double expected, float actual, String what) {
    assertEquals(expected, actual, 1e-5 * (1 + Math.abs(expected)), what);
  }

  @Test
  void inputTilesAreBTransposedDTimesB() {
    for (int channels : CHANNELS) {
      float[] x = randoms(IMAGES * (2 * TILES_HIGH + 2) * (2 * TILES_WIDE + 2) * channels);
      float[][] v = matrices(tiles(), channels, UNTOUCHED);
      kernels().inputTiles(x, TILES_HIGH, TILES_WIDE, channels, v, FROM, TO);
      untouchedPastTheRange(v, channels);
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = ((n - FROM) * TILES_HIGH + ty) * TILES_WIDE + tx;
            for (int c = 0; c < channels; c++) {
              double[][] d = new double[4][4];
              for (int r = 0; r < 4; r++) {
                for (int s = 0; s < 4; s++) {
                  d[r][s] = x[paddedIndex(n, 2 * ty + r, 2 * tx + s, c, channels)];
                }
              }
              double[][] expected = times(times(BT, d), transpose(BT));
              for (int xi = 0; xi < 16; xi++) {
                near(expected[xi / 4][xi % 4], v[xi][t * channels + c],
                    "V at " + xi + ", channels " + channels);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void outputTilesAreATransposedMTimesA() {
    for (int filters : CHANNELS) {
      float[][] m = matrices(tiles(), filters, 0f);
      for (float[] a : m) {
        System.arraycopy(randoms(a.length), 0, a, 0, a.length);
      }
      float[] y = new float[IMAGES * 4 * TILES_HIGH * TILES_WIDE * filters];
      java.util.Arrays.fill(y, UNTOUCHED);
      kernels().outputTiles(m, TILES_HIGH, TILES_WIDE, filters, y, FROM, TO);
      int image = 4 * TILES_HIGH * TILES_WIDE * filters;
      for (int i = 0; i < y.length; i++) {
        if (i < FROM * image || i >= TO * image) {
          assertEquals(UNTOUCHED, y[i], "outside the range");
        }
      }
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = ((n - FROM) * TILES_HIGH + ty) * TILES_WIDE + tx;
            for (int k = 0; k < filters; k++) {
              double[][] tile = new double[4][4];
              for (int xi = 0; xi < 16; xi++) {
                tile[xi / 4][xi % 4] = m[xi][t * filters + k];
              }
              double[][] expected = times(times(AT, tile), transpose(AT));
              for (int r = 0; r < 2; r++) {
                for (int s = 0; s < 2; s++) {
                  near(expected[r][s], y[outputIndex(n, 2 * ty + r, 2 * tx + s, k, filters)],
                      "Y, filters " + filters);
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void outputGradientTilesAreATimesGradientTimesATransposed() {
    for (int filters : CHANNELS) {
      float[] dy = randoms(IMAGES * 4 * TILES_HIGH * TILES_WIDE * filters);
      float[][] dm = matrices(tiles(), filters, UNTOUCHED);
      kernels().outputGradientTiles(dy, TILES_HIGH, TILES_WIDE, filters, dm, FROM, TO);
      untouchedPastTheRange(dm, filters);
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = ((n - FROM) * TILES_HIGH + ty) * TILES_WIDE + tx;
            for (int k = 0; k < filters; k++) {
              double[][] g = new double[2][2];
              for (int r = 0; r < 2; r++) {
                for (int s = 0; s < 2; s++) {
                  g[r][s] = dy[outputIndex(n, 2 * ty + r, 2 * tx + s, k, filters)];
                }
              }
              double[][] expected = times(times(transpose(AT), g), AT);
              for (int xi = 0; xi < 16; xi++) {
                near(expected[xi / 4][xi % 4], dm[xi][t * filters + k], "dM at " + xi);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void inputGradientTilesSumBTimesGradientTimesBTransposedOverTheWindows() {
    for (int channels : CHANNELS) {
      float[][] dv = matrices(tiles(), channels, 0f);
      for (float[] a : dv) {
        System.arraycopy(randoms(a.length), 0, a, 0, a.length);
      }
      int image = (2 * TILES_HIGH + 2) * (2 * TILES_WIDE + 2) * channels;
      float[] dx = new float[IMAGES * image];
      java.util.Arrays.fill(dx, UNTOUCHED);
      kernels().inputGradientTiles(dv, TILES_HIGH, TILES_WIDE, channels, dx, FROM, TO);
      double[] expected = new double[dx.length];
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = ((n - FROM) * TILES_HIGH + ty) * TILES_WIDE + tx;
            for (int c = 0; c < channels; c++) {
              double[][] tile = new double[4][4];
              for (int xi = 0; xi < 16; xi++) {
                tile[xi / 4][xi % 4] = dv[xi][t * channels + c];
              }
              double[][] window = times(times(transpose(BT), tile), BT);
              for (int r = 0; r < 4; r++) {
                for (int s = 0; s < 4; s++) {
                  expected[paddedIndex(n, 2 * ty + r, 2 * tx + s, c, channels)] += window[r][s];
                }
              }
            }
          }
        }
      }
      for (int i = 0; i < dx.length; i++) {
        boolean inRange = i >= FROM * image && i < TO * image;
        if (inRange) {
          assertEquals(expected[i], dx[i], 1e-5 * (4 + Math.abs(expected[i])), "dX at " + i);
        } else {
          assertEquals(UNTOUCHED, dx[i], "outside the range");
        }
      }
    }
  }
}
