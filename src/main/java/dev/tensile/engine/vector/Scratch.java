package dev.tensile.engine.vector;

import java.util.Arrays;

/**
 * Per-thread working memory of the engine, grown when a product needs more and never shrunk, so
 * that products of a steady shape allocate nothing.
 *
 * <p>The caller's thread stages the right factor (transposed, or padded to one vector's width)
 * and the padded or transposed output; every thread that runs a part of a product packs B into
 * its own panels.
 */
final class Scratch {
  private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

  private final Product product = new Product();
  private final RangeJob rangeJob = new RangeJob();
  private float[] panels = new float[0];
  private float[] stagedFactor = new float[0];
  private float[] stagedOutput = new float[0];
  private final float[] tile = new float[36 * Kernels.L];

  private Scratch() {}

  /**
   * Returns this thread's scratch.
   *
   * @return the scratch of the current thread
   */
  static Scratch current() {
    return CURRENT.get();
  }

  /**
   * Returns this thread's reusable product description.
   *
   * @return the product
   */
  Product product() {
    return product;
  }

  /** Returns this thread's job object for {@link VectorEngine#forEachRange}. */
  RangeJob rangeJob() {
    return rangeJob;
  }

  /**
   * Returns room for packed panels of B.
   *
   * @param size floats needed
   * @return an array of at least {@code size} floats, contents undefined
   */
  float[] panels(int size) {
    if (panels.length < size) {
      panels = new float[size];
    }
    return panels;
  }

  /**
   * Returns room for one tile of vectors, up to 6 x 6, for the Winograd transforms' two passes.
   *
   * @return 36 vectors' worth of floats
   */
  float[] tile() {
    return tile;
  }

  /**
   * Returns room for a padded or transposed output.
   *
   * @param size floats needed
   * @return an array of at least {@code size} floats, contents undefined
   */
  float[] stagedOutput(int size) {
    if (stagedOutput.length < size) {
      stagedOutput = new float[size];
    }
    return stagedOutput;
  }

  /**
   * Copies a k x n right factor into a row-major k x width matrix, zero beyond column n; the copy
   * stays valid until the next call.
   *
   * @param b the factor: {@code B[p][j]} is {@code b[p * n + j]}, or {@code b[j * k + p]} if
   *     transposed
   * @param transposed whether b holds B's transpose (an n x k matrix)
   * @param k rows of B
   * @param n columns of B
   * @param width row stride of the copy, at least n
   * @return the copy, in an array of at least {@code k * width} floats
   */
  float[] stage(float[] b, boolean transposed, int k, int n, int width) {
    if (stagedFactor.length < k * width) {
      stagedFactor = new float[k * width];
    }
    float[] s = stagedFactor;
    if (transposed) {
      Transpose.copy(b, k, n, k, s, width);
    } else {
      for (int p = 0; p < k; p++) {
        System.arraycopy(b, p * n, s, p * width, n);
      }
    }
    if (width > n) {
      for (int p = 0; p < k; p++) {
        Arrays.fill(s, p * width + n, (p + 1) * width, 0f);
      }
    }
    return s;
  }
}
