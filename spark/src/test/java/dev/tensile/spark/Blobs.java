package dev.tensile.spark;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;

/** Gaussian clusters for training tests: {@code classes} centres, {@code n} labelled points. */
final class Blobs {
  private Blobs() {}

  static Tensor[] make(int n, int features, int classes, long seed) {
    Rng rng = new Rng(seed);
    float[][] centres = new float[classes][features];
    for (float[] c : centres) {
      for (int f = 0; f < features; f++) {
        c[f] = (rng.nextFloat() - 0.5f) * 8f;
      }
    }
    float[] x = new float[n * features];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(classes);
      y[i] = k;
      for (int f = 0; f < features; f++) {
        // A sum of uniforms is close enough to a normal draw for separable clusters.
        float noise = rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 1.5f;
        x[i * features + f] = centres[k][f] + noise;
      }
    }
    return new Tensor[] {Tensor.wrap(x, n, features), Tensor.wrap(y, n)};
  }
}
