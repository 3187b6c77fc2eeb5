package dev.tensile.engine;

import static dev.tensile.engine.DoubleMatrices.times;
import static dev.tensile.engine.DoubleMatrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WinogradF4}, run once per implementation by a subclass: each transform
 * against its definition as products of the transform matrices, computed here in double, over
 * channel counts around the vector widths, output extents that fill the last tiles or not, and a
 * range of images whose tiles fill the matrices from their first row and leave the other images
 * and rows untouched.
 */
public abstract class WinogradF4Contract {
  /** Channel counts: one, below, at and above the 8- and 16-float vector widths. */
  static final int[] CHANNELS = {1, 5, 8, 16, 19, 37};

  static final int IMAGES = 4;
  static final int FROM = 1;
  static final int TO = 3;
  static final int TILES_HIGH = 2;
  static final int TILES_WIDE = 3;
  /** Output extents {height, width}: whole tiles, and last tiles cut to 1 and to 3 outputs. */
  static final int[][] EXTENTS = {{8, 12}, {5, 11}, {7, 9}};

  private static final double[][] BT = {
    {4, 0, -5, 0, 1, 0},
    {0, -4, -4, 1, 1, 0},
    {0, 4, -4, -1, 1, 0},
    {0, -2, -1, 2, 1, 0},
    {0, 2, -1, -2, 1, 0},
    {0, 4, 0, -5, 0, 1}
  };
  private static final double[][] AT = {
    {1, 1, 1, 1, 1, 0},
    {0, 1, -1, 2, -2, 0},
    {0, 1, 1, 4, 4, 0},
    {0, 1, -1, 8, -8, 1}
  };

  /** A sentinel for elements a kernel must leave alone. */
  static final float UNTOUCHED = -7.25f;

  /**
   * Returns the kernels under test.
   *
   * @return the implementation
   */
  protected abstract WinogradF4 kernels();

  private final SplittableRandom random = new SplittableRandom(13);

  float[] randoms(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  static float[][] matrices(int rows, int columns, float fill) {
    float[][] m = new float[WinogradF4.POSITIONS][rows * columns];
    for (float[] a : m) {
      Arrays.fill(a, fill);
    }
    return m;
  }

  static int tiles() {
    return IMAGES * TILES_HIGH * TILES_WIDE;
  }

  static int paddedSize(int channels) {
    return IMAGES * (4 * TILES_HIGH + 2) * (4 * TILES_WIDE + 2) * channels;
  }

  static int paddedIndex(int n, int r, int s, int c, int channels) {
    return ((n * (4 * TILES_HIGH + 2) + r) * (4 * TILES_WIDE + 2) + s) * channels + c;
  }


  private static int tile(int n, int ty, int tx) {
    return ((n - FROM) * TILES_HIGH + ty) * TILES_WIDE + tx;
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

  /** The transforms' coefficients reach 8 and sum up to 36 terms: a few float roundings of that. */
  private static void near(double expected, float actual, String what) {
    assertEquals(expected, actual, 2e-5 * (4 + Math.abs(expected)), what);
  }

  @Test
  void inputTilesAreBTransposedDTimesB() {
    for (int channels : CHANNELS) {
      float[] x = randoms(paddedSize(channels));
      float[][] v = matrices(tiles(), channels, UNTOUCHED);
      kernels().inputTiles(x, TILES_HIGH, TILES_WIDE, channels, v, FROM, TO);
      untouchedPastTheRange(v, channels);
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = tile(n, ty, tx);
            for (int c = 0; c < channels; c++) {
              double[][] d = new double[6][6];
              for (int r = 0; r < 6; r++) {
                for (int s = 0; s < 6; s++) {
                  d[r][s] = x[paddedIndex(n, 4 * ty + r, 4 * tx + s, c, channels)];
                }
              }
              double[][] expected = times(times(BT, d), transpose(BT));
              for (int xi = 0; xi < 36; xi++) {
                near(expected[xi / 6][xi % 6], v[xi][t * channels + c],
                    "V at " + xi + ", channels " + channels);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void outputTilesAreATransposedMTimesAInsideTheImage() {
    for (int[] extent : EXTENTS) {
      int height = extent[0];
      int width = extent[1];
      for (int filters : CHANNELS) {
        float[][] m = matrices(tiles(), filters, 0f);
        for (float[] a : m) {
          System.arraycopy(randoms(a.length), 0, a, 0, a.length);
        }
        int image = height * width * filters;
        float[] y = new float[IMAGES * image];
        Arrays.fill(y, UNTOUCHED);
        kernels().outputTiles(m, TILES_HIGH, TILES_WIDE, height, width, filters, y, FROM, TO);
        for (int i = 0; i < y.length; i++) {
          if (i < FROM * image || i >= TO * image) {
            assertEquals(UNTOUCHED, y[i], "outside the range");
          }
        }
        for (int n = FROM; n < TO; n++) {
          for (int ty = 0; ty < TILES_HIGH; ty++) {
            for (int tx = 0; tx < TILES_WIDE; tx++) {
              int t = tile(n, ty, tx);
              for (int k = 0; k < filters; k++) {
                double[][] tile = new double[6][6];
                for (int xi = 0; xi < 36; xi++) {
                  tile[xi / 6][xi % 6] = m[xi][t * filters + k];
                }
                double[][] expected = times(times(AT, tile), transpose(AT));
                for (int r = 0; r < 4 && 4 * ty + r < height; r++) {
                  for (int s = 0; s < 4 && 4 * tx + s < width; s++) {
                    int at = ((n * height + 4 * ty + r) * width + 4 * tx + s) * filters + k;
                    near(expected[r][s], y[at], "Y, " + height + " x " + width + ", " + filters);
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void outputGradientTilesAreATimesGradientTimesATransposedWithZerosOutside() {
    for (int[] extent : EXTENTS) {
      int height = extent[0];
      int width = extent[1];
      for (int filters : CHANNELS) {
        float[] dy = randoms(IMAGES * height * width * filters);
        float[][] dm = matrices(tiles(), filters, UNTOUCHED);
        kernels().outputGradientTiles(
            dy, TILES_HIGH, TILES_WIDE, height, width, filters, dm, FROM, TO);
        untouchedPastTheRange(dm, filters);
        for (int n = FROM; n < TO; n++) {
          for (int ty = 0; ty < TILES_HIGH; ty++) {
            for (int tx = 0; tx < TILES_WIDE; tx++) {
              int t = tile(n, ty, tx);
              for (int k = 0; k < filters; k++) {
                double[][] g = new double[4][4];
                for (int r = 0; r < 4 && 4 * ty + r < height; r++) {
                  for (int s = 0; s < 4 && 4 * tx + s < width; s++) {
                    g[r][s] = dy[((n * height + 4 * ty + r) * width + 4 * tx + s) * filters + k];
                  }
                }
                double[][] expected = times(times(transpose(AT), g), AT);
                for (int xi = 0; xi < 36; xi++) {
                  near(expected[xi / 6][xi % 6], dm[xi][t * filters + k],
                      "dM at " + xi + ", " + height + " x " + width);
                }
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
      int image = paddedSize(channels) / IMAGES;
      float[] dx = new float[IMAGES * image];
      Arrays.fill(dx, UNTOUCHED);
      kernels().inputGradientTiles(dv, TILES_HIGH, TILES_WIDE, channels, dx, FROM, TO);
      double[] expected = new double[dx.length];
      for (int n = FROM; n < TO; n++) {
        for (int ty = 0; ty < TILES_HIGH; ty++) {
          for (int tx = 0; tx < TILES_WIDE; tx++) {
            int t = tile(n, ty, tx);
            for (int c = 0; c < channels; c++) {
              double[][] tile = new double[6][6];
              for (int xi = 0; xi < 36; xi++) {
                tile[xi / 6][xi % 6] = dv[xi][t * channels + c];
              }
              double[][] window = times(times(transpose(BT), tile), BT);
              for (int r = 0; r < 6; r++) {
                for (int s = 0; s < 6; s++) {
                  expected[paddedIndex(n, 4 * ty + r, 4 * tx + s, c, channels)] += window[r][s];
                }
              }
            }
          }
        }
      }
      for (int i = 0; i < dx.length; i++) {
        boolean inRange = i >= FROM * image && i < TO * image;
        if (inRange) {
          near(expected[i], dx[i], "dX at " + i);
        } else {
          assertEquals(UNTOUCHED, dx[i], "outside the range");
        }
      }
    }
  }

  @Test
  void anOutputExtentTheTilesDoNotCoverIsRefused() {
    float[][] m = matrices(tiles(), 2, 0f);
    float[] y = new float[IMAGES * 9 * 12 * 2];
    IllegalArgumentException tooTall = assertThrows(IllegalArgumentException.class,
        () -> kernels().outputTiles(m, TILES_HIGH, TILES_WIDE, 9, 12, 2, y, 0, 1));
    assertEquals("an output height of 9 is not covered by 2 tiles of 4: expected 5 to 8",
        tooTall.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> kernels().outputGradientTiles(y, TILES_HIGH, TILES_WIDE, 8, 8, 2, m, 0, 1));
  }
}
