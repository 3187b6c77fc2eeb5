package dev.tensile.testing;

import dev.tensile.tensor.Tensor;
import java.util.Random;

/** Small seeded data sets for tests. */
public final class Synthetic {
  private Synthetic() {}

  /**
   * Gaussian blobs: {@code classes} clusters in {@code dims} dimensions, well separated.
   *
   * @param n the number of samples
   * @param dims the number of features
   * @param classes the number of clusters
   * @param seed the seed
   * @return {@code x} of shape (n, dims) and labels of shape (n,)
   */
  public static Tensor[] blobs(int n, int dims, int classes, long seed) {
    Random random = new Random(seed);
    float[][] centers = new float[classes][dims];
    for (float[] c : centers) {
      for (int d = 0; d < dims; d++) {
        c[d] = (float) (random.nextGaussian() * 2.5);
      }
    }
    float[] x = new float[n * dims];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(classes);
      for (int d = 0; d < dims; d++) {
        x[i * dims + d] = centers[y[i]][d] + (float) (random.nextGaussian() * 0.6);
      }
    }
    return new Tensor[] {Tensor.wrap(x, n, dims), Tensor.ofLabels(y)};
  }
}
