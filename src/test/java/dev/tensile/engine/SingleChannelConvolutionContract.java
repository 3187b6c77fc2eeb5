package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SingleChannelConvolution}, run once per implementation by a subclass:
 * both kernels against their definitions computed in double, over filter counts around the vector
 * widths, square and oblong images, and a range of images that leaves the others untouched.
 */
public abstract class SingleChannelConvolutionContract {
  /** Filter counts: one, below, at and above the 8- and 16-float vector widths. */
  private static final int[] FILTERS = {1, 5, 8, 16, 17, 32, 33};

  /** Padded image height and width. */
  private static final int[][] IMAGES = {{3, 3}, {5, 5}, {6, 9}, {30, 30}};

  private static final int BATCH = 3;

  private static final int TAPS = SingleChannelConvolution.TAPS;

  /**
   * Returns the kernels under test.
   *
   * @return the implementation
   */
  protected abstract SingleChannelConvolution kernels();

  private final SplittableRandom random = new SplittableRandom(11);

  /** One geometry of the contract: padded height and width, filters, and its name. */
  private interface Geometry {
    void check(int h, int w, int f, String where);
  }

  private static void forEachGeometry(Geometry test) {
    for (int[] image : IMAGES) {
      for (int f : FILTERS) {
        test.check(image[0], image[1], f, image[0] + "x" + image[1] + ", " + f + " filters");
      }
    }
  }

  private float[] uniform(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  /** The input pixel of tap t for output position (i, j) of image n. */
  private static int pixel(int h, int w, int n, int i, int j, int t) {
    return (n * h + i + t / 3) * w + j + t % 3;
  }

  private static void untouched(float[] a, int from, int to, String what) {
    for (int k = from; k < to; k++) {
      assertEquals(Float.NaN, a[k], what);
    }
  }

  @Test
  void forwardMatchesTheDefinitionForTheImagesOfTheRangeOnly() {
    forEachGeometry((h, w, f, where) -> {
      int positions = (h - 2) * (w - 2);
      float[] x = uniform(BATCH * h * w);
      float[] kernel = uniform(TAPS * f);
      float[] z = new float[BATCH * positions * f];
      Arrays.fill(z, Float.NaN);
      kernels().forward(x, h, w, kernel, f, z, 1, 3);
      untouched(z, 0, positions * f, "image 0 is outside the range, " + where);
      for (int n = 1; n < BATCH; n++) {
        for (int i = 0; i < h - 2; i++) {
          for (int j = 0; j < w - 2; j++) {
            for (int c = 0; c < f; c++) {
              double sum = 0;
              for (int t = 0; t < TAPS; t++) {
                sum += (double) x[pixel(h, w, n, i, j, t)] * kernel[t * f + c];
              }
              float actual = z[((n * (h - 2) + i) * (w - 2) + j) * f + c];
              assertEquals(sum, actual, 1e-5, where + " at " + n + "," + i + "," + j + "," + c);
            }
          }
        }
      }
    });
  }

  @Test
  void kernelGradientPartsMatchTheDefinitionForTheImagesOfTheRangeOnly() {
    forEachGeometry((h, w, f, where) -> {
      int positions = (h - 2) * (w - 2);
      float[] x = uniform(BATCH * h * w);
      float[] dz = uniform(BATCH * positions * f);
      int part = TAPS * f;
      float[] parts = new float[BATCH * part];
      Arrays.fill(parts, Float.NaN);
      kernels().kernelGradientParts(x, h, w, dz, f, parts, 0, 2);
      untouched(parts, 2 * part, 3 * part, "image 2 is outside the range, " + where);
      for (int n = 0; n < 2; n++) {
        for (int t = 0; t < TAPS; t++) {
          for (int c = 0; c < f; c++) {
            double sum = 0;
            for (int i = 0; i < h - 2; i++) {
              for (int j = 0; j < w - 2; j++) {
                sum += (double) x[pixel(h, w, n, i, j, t)]
                    * dz[((n * (h - 2) + i) * (w - 2) + j) * f + c];
              }
            }
            assertEquals(sum, parts[n * part + t * f + c], 1e-5 * (1 + positions),
                where + ", image " + n + ", tap " + t + ", filter " + c);
          }
        }
      }
    });
  }
}
