package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.ScalarSingleChannelConvolution;
import jdk.incubator.vector.FloatVector;

/**
 * The single-channel convolution kernels in the Vector API: {@code L} filters at a time, the last
 * {@code filters mod L} by the portable loops. No vector lives from one output position to the
 * next: forward stores each position's outputs, and the kernel gradient keeps its nine sums in
 * memory, adding to them once per four positions.
 */
final class VectorSingleChannelConvolution extends ScalarSingleChannelConvolution {
  /** The engine's kernels. */
  static final VectorSingleChannelConvolution INSTANCE = new VectorSingleChannelConvolution();

  /** Neighbouring positions of a row whose kernel-gradient products are summed in registers. */
  private static final int GROUP = 4;

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
      gradientVector(x, n * height * width, height, width, dz, n * positions * filters + f,
          filters, parts, n * TAPS * filters + f);
    }
    if (upper < filters) {
      kernelGradientImage(x, height, width, dz, filters, parts, n, upper, filters);
    }
  }

  /**
   * One vector of filters of one image's kernel gradient: nine sums kept in {@code parts} (in the
   * first-level cache), each updated once per {@link #GROUP} positions of a row, whose products
   * are summed in registers first; a row's last {@code outWidth mod GROUP} positions are added one
   * by one. Each of the six pixels of a kernel row over the group is broadcast once. No vector
   * lives from one iteration of a loop to the next: carried in registers across the loop, the nine
   * sums ran on boxed vectors in about one JVM start in four (the compiler left the multiply-adds
   * as calls), and the epoch took half as long again. The kernel's three rows are a loop: written
   * out, or split into a method per row, the body grew past what the compiler inlines, and the
   * vectors passed to the calls left out were boxed.
   */
  private static void gradientVector(float[] x, int p0, int height, int width, float[] dz, int g,
      int filters, float[] parts, int at) {
    FloatVector zero = FloatVector.zero(SPECIES);
    for (int t = 0; t < TAPS; t++) {
      zero.intoArray(parts, at + t * filters);
    }
    int outWidth = width - 2;
    int grouped = outWidth - outWidth % GROUP;
    int w2 = 2 * width;
    int f2 = 2 * filters;
    int f3 = 3 * filters;
    for (int i = 0; i < height - 2; i++) {
      int p = p0 + i * width;
      int j = 0;
      for (; j < grouped; j += GROUP, p += GROUP, g += GROUP * filters) {
        FloatVector d0 = FloatVector.fromArray(SPECIES, dz, g);
        FloatVector d1 = FloatVector.fromArray(SPECIES, dz, g + filters);
        FloatVector d2 = FloatVector.fromArray(SPECIES, dz, g + f2);
        FloatVector d3 = FloatVector.fromArray(SPECIES, dz, g + f3);
        for (int row = p, tap = at; row <= p + w2; row += width, tap += f3) {
          FloatVector a0 = FloatVector.broadcast(SPECIES, x[row]);
          FloatVector a1 = FloatVector.broadcast(SPECIES, x[row + 1]);
          FloatVector a2 = FloatVector.broadcast(SPECIES, x[row + 2]);
          FloatVector a3 = FloatVector.broadcast(SPECIES, x[row + 3]);
          FloatVector a4 = FloatVector.broadcast(SPECIES, x[row + 4]);
          FloatVector a5 = FloatVector.broadcast(SPECIES, x[row + 5]);
          addSum(a0, a1, a2, a3, d0, d1, d2, d3, parts, tap);
          addSum(a1, a2, a3, a4, d0, d1, d2, d3, parts, tap + filters);
          addSum(a2, a3, a4, a5, d0, d1, d2, d3, parts, tap + f2);
        }
      }
      for (; j < outWidth; j++, p++, g += filters) {
        FloatVector d = FloatVector.fromArray(SPECIES, dz, g);
        add(x[p], d, parts, at);
        add(x[p + 1], d, parts, at + filters);
        add(x[p + 2], d, parts, at + f2);
        add(x[p + width], d, parts, at + f3);
        add(x[p + width + 1], d, parts, at + 4 * filters);
        add(x[p + width + 2], d, parts, at + 5 * filters);
        add(x[p + w2], d, parts, at + 6 * filters);
        add(x[p + w2 + 1], d, parts, at + 7 * filters);
        add(x[p + w2 + 2], d, parts, at + 8 * filters);
      }
    }
  }

  /**
   * {@code sums[at..] += a0 * d0 + a1 * d1 + a2 * d2 + a3 * d3}, summed left to right: one tap
   * over {@link #GROUP} neighbouring positions, its pixels broadcast.
   */
  private static void addSum(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3,
      FloatVector d0, FloatVector d1, FloatVector d2, FloatVector d3, float[] sums, int at) {
    FloatVector s = madd(a1, d1, a0.mul(d0));
    s = madd(a3, d3, madd(a2, d2, s));
    FloatVector.fromArray(SPECIES, sums, at).add(s).intoArray(sums, at);
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
    return madd(FloatVector.broadcast(SPECIES, x), y, s);
  }

  /** {@code b * y + s}, fused where the CPU can. */
  private static FloatVector madd(FloatVector b, FloatVector y, FloatVector s) {
    return Kernels.FUSED ? b.fma(y, s) : b.mul(y).add(s);
  }
}
