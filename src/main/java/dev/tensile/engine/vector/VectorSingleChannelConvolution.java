package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.ScalarSingleChannelConvolution;
import jdk.incubator.vector.FloatVector;

/**
 * The single-channel convolution kernels in the Vector API: {@code L} filters at a time, the last
 * {@code filters mod L} by the portable loops. No vector lives from one output position to the
 * next: forward stores each position's outputs, and the kernel gradient keeps its nine sums in
 * memory.
 */
final class VectorSingleChannelConvolution extends ScalarSingleChannelConvolution {
  /** The engine's kernels. */
  static final VectorSingleChannelConvolution INSTANCE = new VectorSingleChannelConvolution();

  private VectorSingleChannelConvolution() {}

  @Override
  protected void forwardImage(
      float[] x, int height, int width, float[] kernel, int filters, float[] z, int n) {
    int upper = SPECIES.loopBound(filters);
    int out = n * (height - 2) * (width - 2) * filters;
    for (int i = 0; i < height - 2; i++) {
      for (int j = 0; j < width - 2; j++, out += filters) {
        int p = (n * height + i) * width + j;
        int q = p + width;
        int r = q + width;
        float x0 = x[p];
        float x1 = x[p + 1];
        float x2 = x[p + 2];
        float x3 = x[q];
        float x4 = x[q + 1];
        float x5 = x[q + 2];
        float x6 = x[r];
        float x7 = x[r + 1];
        float x8 = x[r + 2];
        for (int f = 0; f < upper; f += L) {
          FloatVector acc = madd(x0, kernel, f, FloatVector.zero(SPECIES));
          acc = madd(x1, kernel, filters + f, acc);
          acc = madd(x2, kernel, 2 * filters + f, acc);
          acc = madd(x3, kernel, 3 * filters + f, acc);
          acc = madd(x4, kernel, 4 * filters + f, acc);
          acc = madd(x5, kernel, 5 * filters + f, acc);
          acc = madd(x6, kernel, 6 * filters + f, acc);
          acc = madd(x7, kernel, 7 * filters + f, acc);
          madd(x8, kernel, 8 * filters + f, acc).intoArray(z, out + f);
        }
      }
    }
    if (upper < filters) {
      forwardImage(x, height, width, kernel, filters, z, n, upper, filters);
    }
  }

  @Override
  protected void kernelGradientImage(
      float[] x, int height, int width, float[] dz, int filters, float[] parts, int n) {
    int upper = SPECIES.loopBound(filters);
    int positions = (height - 2) * (width - 2);
    for (int f = 0; f < upper; f += L) {
      gradientVector(x, n * height * width, width, positions, dz, n * positions * filters + f,
          filters, parts, n * TAPS * filters + f);
    }
    if (upper < filters) {
      kernelGradientImage(x, height, width, dz, filters, parts, n, upper, filters);
    }
  }

  /**
   * One vector of filters of one image's kernel gradient: nine sums kept in {@code parts} (in the
   * first-level cache) and updated position by position, so that no vector lives from one
   * iteration of the loop to the next. Carried in registers, the nine sums ran on boxed vectors in
   * about one JVM start in four (the compiler left the multiply-adds as calls), and the epoch took
   * half as long again.
   */
  private static void gradientVector(float[] x, int p, int width, int positions, float[] dz,
      int g, int filters, float[] parts, int at) {
    int w2 = 2 * width;
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector first = FloatVector.fromArray(SPECIES, dz, g);
    madd(x[p], first, zero).intoArray(parts, at);
    madd(x[p + 1], first, zero).intoArray(parts, at + filters);
    madd(x[p + 2], first, zero).intoArray(parts, at + 2 * filters);
    madd(x[p + width], first, zero).intoArray(parts, at + 3 * filters);
    madd(x[p + width + 1], first, zero).intoArray(parts, at + 4 * filters);
    madd(x[p + width + 2], first, zero).intoArray(parts, at + 5 * filters);
    madd(x[p + w2], first, zero).intoArray(parts, at + 6 * filters);
    madd(x[p + w2 + 1], first, zero).intoArray(parts, at + 7 * filters);
    madd(x[p + w2 + 2], first, zero).intoArray(parts, at + 8 * filters);
    int outWidth = width - 2;
    int j = 0;
    for (int position = 1; position < positions; position++) {
      g += filters;
      p++;
      if (++j == outWidth) {
        // Past the row's last output: over the two border pixels to the next row's first.
        j = 0;
        p += 2;
      }
      FloatVector d = FloatVector.fromArray(SPECIES, dz, g);
      add(x[p], d, parts, at);
      add(x[p + 1], d, parts, at + filters);
      add(x[p + 2], d, parts, at + 2 * filters);
      add(x[p + width], d, parts, at + 3 * filters);
      add(x[p + width + 1], d, parts, at + 4 * filters);
      add(x[p + width + 2], d, parts, at + 5 * filters);
      add(x[p + w2], d, parts, at + 6 * filters);
      add(x[p + w2 + 1], d, parts, at + 7 * filters);
      add(x[p + w2 + 2], d, parts, at + 8 * filters);
    }
  }

  /** {@code sums[at..] += x * y}, one multiply-add on the stored vector. */
  private static void add(float x, FloatVector y, float[] sums, int at) {
    madd(x, y, FloatVector.fromArray(SPECIES, sums, at)).intoArray(sums, at);
  }

  /** {@code x * kernel[at..] + s}, fused where the CPU can. */
  private static FloatVector madd(float x, float[] kernel, int at, FloatVector s) {
    return madd(x, FloatVector.fromArray(SPECIES, kernel, at), s);
  }

  /** {@code x * y + s}, fused where the CPU can, as the products' kernels compute it. */
  private static FloatVector madd(float x, FloatVector y, FloatVector s) {
    FloatVector b = FloatVector.broadcast(SPECIES, x);
    return Kernels.FUSED ? b.fma(y, s) : b.mul(y).add(s);
  }
}
