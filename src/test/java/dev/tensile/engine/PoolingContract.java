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
 * over, ties (relu's zeros), and a range of images that leaves the others untouched.
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

  private static float[] referenceForward(PoolTiles t, float[] x) {
    float[] y = new float[IMAGES * t.outputSize()];
    for (int n = 0; n < IMAGES; n++) {
      for (int oh = 0; oh < t.outHeight(); oh++) {
        for (int ow = 0; ow < t.outWidth(); ow++) {
          for (int k = 0; k < t.channels(); k++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < t.poolHeight(); i++) {
              for (int j = 0; j < t.poolWidth(); j++) {
                m = Math.max(m, x[index(t, n, oh * t.poolHeight() + i, ow * t.poolWidth() + j, k)]);
              }
            }
            y[outIndex(t, n, oh, ow, k)] = m;
          }
        }
      }
    }
    return y;
  }

  private static float[] referenceBackward(PoolTiles t, float[] x, float[] y, float[] dy) {
    float[] dx = new float[IMAGES * t.imageSize()];
    for (int n = 0; n < IMAGES; n++) {
      for (int oh = 0; oh < t.outHeight(); oh++) {
        for (int ow = 0; ow < t.outWidth(); ow++) {
          for (int k = 0; k < t.channels(); k++) {
            int o = outIndex(t, n, oh, ow, k);
            search:
            for (int i = 0; i < t.poolHeight(); i++) {
              for (int j = 0; j < t.poolWidth(); j++) {
                int at = index(t, n, oh * t.poolHeight() + i, ow * t.poolWidth() + j, k);
                if (x[at] == y[o]) {
                  dx[at] = dy[o];
                  break search;
                }
              }
            }
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
        kernels().maxPool(t, x, y, 0, IMAGES);
        assertArrayEquals(referenceForward(t, x), y, "forward " + where);
        float[] dy = images(y.length);
        float[] dx = images(x.length); // stale values that must all be overwritten
        kernels().maxPoolBackward(t, x, y, dy, dx, 0, IMAGES);
        assertArrayEquals(referenceBackward(t, x, y, dy), dx, "backward " + where);
      }
    }
  }

  @Test
  void aRangeOfImagesLeavesTheOthersUntouched() {
    PoolTiles t = new PoolTiles(4, 6, 17, 2, 2);
    float[] x = images(IMAGES * t.imageSize());
    float[] y = new float[IMAGES * t.outputSize()];
    java.util.Arrays.fill(y, 9f);
    kernels().maxPool(t, x, y, 1, 2);
    float[] all = referenceForward(t, x);
    for (int i = 0; i < y.length; i++) {
      boolean inRange = i >= t.outputSize() && i < 2 * t.outputSize();
      assertEquals(inRange ? all[i] : 9f, y[i], "output " + i);
    }
    float[] dy = images(y.length);
    float[] dx = new float[x.length];
    java.util.Arrays.fill(dx, 9f);
    System.arraycopy(all, 0, y, 0, y.length);
    kernels().maxPoolBackward(t, x, y, dy, dx, 1, 2);
    float[] grads = referenceBackward(t, x, y, dy);
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
