package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Pooling}, run once per implementation by a subclass: both kernels
 * against a plain reference written out here from the definition, bit for bit, over channel
 * counts around the vector widths, square and oblong tiles, images with rows and columns left
 * over, ties (relu's zeros) and NaN, and a range of images that leaves the others untouched.
 */
public abstract class PoolingContract {
  /** Channel counts: one, below, at and above the 8- and 16-float vector widths. */
  private static final int[] CHANNELS = {1, 3, 8, 16, 17, 32, 33};

  /** Image height, width, tile height, tile width. */
  private static final int[][] GEOMETRIES = {
    {4, 4, 2, 2}, {5, 7, 2, 3}, {6, 5, 3, 2}, {3, 3, 3, 3}
  };

  private static final int IMAGES = 3;

  /**
   * Returns the kernels under test.
   *
   * @return the implementation
   */
  protected abstract Pooling kernels();

  private final SplittableRandom random = new SplittableRandom(7);

  /** Values with many ties: a third are exactly zero, the rest a few distinct levels. */
  private float[] images(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(3) == 0 ? 0f : random.nextInt(-3, 4) * 0.5f;
    }
    return x;
  }

  private static int index(PoolTiles t, int n, int r, int c, int k) {
    return ((n * t.height() + r) * t.width() + c) * t.channels() + k;
  }

  private static int outIndex(PoolTiles t, int n, int oh, int ow, int k) {
    return ((n * t.outHeight() + oh) * t.outWidth() + ow) * t.channels() + k;
  }

  /** The outputs and, after them, the winners' numbers, from the definition. */
  private static float[][] referenceForward(PoolTiles t, float[] x) {
    float[] y = new float[IMAGES * t.outputSize()];
    float[] winner = new float[y.length];
    for (int n = 0; n < IMAGES; n++) {
      for (int oh = 0; oh < t.outHeight(); oh++) {
        for (int ow = 0; ow < t.outWidth(); ow++) {
          for (int k = 0; k < t.channels(); k++) {
            float m = Float.NaN;
            int w = -1;
            for (int tap = 0; tap < t.poolHeight() * t.poolWidth(); tap++) {
              int r = oh * t.poolHeight() + tap / t.poolWidth();
              int c = ow * t.poolWidth() + tap % t.poolWidth();
              float v = x[index(t, n, r, c, k)];
              if (w < 0 || v > m) {
                m = v;
                w = tap;
              }
            }
            y[outIndex(t, n, oh, ow, k)] = m;
            winner[outIndex(t, n, oh, ow, k)] = w;
          }
        }
      }
    }
    return new float[][] {y, winner};
  }

  private static float[] referenceBackward(PoolTiles t, float[] winner, float[] dy) {
    float[] dx = new float[IMAGES * t.imageSize()];
    for (int n = 0; n < IMAGES; n++) {
      for (int oh = 0; oh < t.outHeight(); oh++) {
        for (int ow = 0; ow < t.outWidth(); ow++) {
          for (int k = 0; k < t.channels(); k++) {
            int o = outIndex(t, n, oh, ow, k);
            int tap = (int) winner[o];
            int r = oh * t.poolHeight() + tap / t.poolWidth();
            int c = ow * t.poolWidth() + tap % t.poolWidth();
            dx[index(t, n, r, c, k)] = dy[o];
          }
        }
      }
    }
    return dx;
  }

  @Test
  void forwardAndBackwardMatchTheDefinition() {
    for (int[] g : GEOMETRIES) {
      for (int c : CHANNELS) {
        PoolTiles t = new PoolTiles(g[0], g[1], c, g[2], g[3]);
        String where = t.toString();
        float[] x = images(IMAGES * t.imageSize());
        float[] y = new float[IMAGES * t.outputSize()];
        float[] winner = new float[y.length];
        kernels().maxPool(t, x, y, winner, 0, IMAGES);
        float[][] expected = referenceForward(t, x);
        assertArrayEquals(expected[0], y, "forward " + where);
        assertArrayEquals(expected[1], winner, "winners " + where);
        float[] dy = images(y.length);
        float[] dx = images(x.length); // stale values that must all be overwritten
        kernels().maxPoolBackward(t, winner, dy, dx, 0, IMAGES);
        assertArrayEquals(referenceBackward(t, winner, dy), dx, "backward " + where);
      }
    }
  }

  @Test
  void theFirstOfEqualMaximaWinsAndANaNOnlyWhenFirst() {
    PoolTiles t = new PoolTiles(2, 2, 17, 2, 2);
    float[] x = new float[4 * 17];
    for (int k = 0; k < 17; k++) {
      x[k] = k == 0 ? Float.NaN : 0f; // pixel 0
      x[17 + k] = k == 1 ? Float.NaN : 1f; // pixel 1
      x[34 + k] = 1f; // pixel 2
      x[51 + k] = -0f; // pixel 3
    }
    float[] y = new float[17];
    float[] winner = new float[17];
    kernels().maxPool(t, x, y, winner, 0, 1);
    assertEquals(Float.NaN, y[0], "a NaN in the first pixel stays");
    assertEquals(0f, winner[0]);
    assertEquals(1f, y[1], "a NaN later never wins");
    assertEquals(2f, winner[1], "the first 1 after the NaN");
    for (int k = 2; k < 17; k++) {
      assertEquals(1f, y[k], "channel " + k);
      assertEquals(1f, winner[k], "the first of the equal maxima, channel " + k);
    }
  }

  @Test
  void aRangeOfImagesLeavesTheOthersUntouched() {
    PoolTiles t = new PoolTiles(4, 6, 17, 2, 2);
    float[] x = images(IMAGES * t.imageSize());
    float[] y = new float[IMAGES * t.outputSize()];
    float[] winner = new float[y.length];
    java.util.Arrays.fill(y, 9f);
    kernels().maxPool(t, x, y, winner, 1, 2);
    float[][] all = referenceForward(t, x);
    for (int i = 0; i < y.length; i++) {
      boolean inRange = i >= t.outputSize() && i < 2 * t.outputSize();
      assertEquals(inRange ? all[0][i] : 9f, y[i], "output " + i);
    }
    float[] dy = images(y.length);
    float[] dx = new float[x.length];
    java.util.Arrays.fill(dx, 9f);
    kernels().maxPoolBackward(t, all[1], dy, dx, 1, 2);
    float[] grads = referenceBackward(t, all[1], dy);
    for (int i = 0; i < dx.length; i++) {
      boolean inRange = i >= t.imageSize() && i < 2 * t.imageSize();
      assertEquals(inRange ? grads[i] : 9f, dx[i], "input gradient " + i);
    }
  }

  @Test
  void tilesMustFitTheImage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PoolTiles(2, 2, 1, 3, 2));
    assertEquals(
        "pool tiles need positive sizes and a tile inside the image, got image 2x2x1 and tile 3x2",
        e.getMessage());
  }
}
