package dev.tensile.benchmarks;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;

/**
 * Seeded stand-in data with Fashion-MNIST's training shape: {@code n} grey images of 28 x 28 pixels
 * in [0, 1] and labels 0..9, so the benchmark needs no download.
 *
 * <p>Each class has a fixed random template {@code T_c}; an image of class {@code c} is {@code 0.1
 * T_c + 0.9 U} with fresh uniform noise {@code U}, so the models learn it (accuracy climbs well
 * above chance, below 100%) while the arithmetic per step is exactly that of the real data.
 */
public final class SyntheticImages {
  /** Side of an image in pixels. */
  public static final int SIDE = 28;

  /** Number of classes. */
  public static final int CLASSES = 10;

  /** Fashion-MNIST's training images less Keras's usual 20% validation split: 48,000. */
  public static final int TRAIN_SAMPLES = 48_000;

  private static final float TEMPLATE_WEIGHT = 0.1f;

  private final Tensor images;
  private final Tensor labels;

  /**
   * Makes {@code n} images and labels.
   *
   * @param n the number of samples; positive
   * @param seed the seed; the same seed gives the same data
   * @throws IllegalArgumentException if n is not positive
   */
  public SyntheticImages(int n, long seed) {
    if (n <= 0) {
      throw new IllegalArgumentException("need a positive number of samples, got " + n);
    }
    Rng rng = new Rng(seed);
    int pixels = SIDE * SIDE;
    float[] templates = new float[CLASSES * pixels];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = rng.nextFloat();
    }
    float[] x = new float[Math.multiplyExact(n, pixels)];
    int[] y = new int[n];
    for (int s = 0; s < n; s++) {
      y[s] = rng.nextInt(CLASSES);
      int t = y[s] * pixels;
      for (int p = 0, o = s * pixels; p < pixels; p++, o++) {
        // x = 0.1 T_c + 0.9 U
        x[o] = TEMPLATE_WEIGHT * templates[t + p] + (1 - TEMPLATE_WEIGHT) * rng.nextFloat();
      }
    }
    images = Tensor.wrap(x, n, SIDE, SIDE);
    labels = Tensor.ofLabels(y);
  }

  /**
   * Returns the images.
   *
   * @return shape {@code (n, 28, 28)}
   */
  public Tensor images() {
    return images;
  }

  /**
   * Returns the labels.
   *
   * @return class indices 0..9, shape {@code (n,)}
   */
  public Tensor labels() {
    return labels;
  }
}
