package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.FUSED;
import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.ScalarSingleChannelConvolution;
import jdk.incubator.vector.FloatVector;

/**
 * The single-channel convolution kernels in the Vector API: {@code L} filters at a time, the last
 * {@code filters mod L} by the portable loops. No vector lives from one group of output positions
 * to the next: forward stores the outputs of four positions of a row at a time, and the kernel
 * gradient keeps its nine sums in memory, adding to them once per four positions.
 */
final class VectorSingleChannelConvolution extends ScalarSingleChannelConvolution {
  /** The engine's kernels. */
  static final VectorSingleChannelConvolution INSTANCE = new VectorSingleChannelConvolution();

  /**
   * Neighbouring positions of a row done together: their outputs, or their kernel-gradient
   * products, are summed in registers.
   */
  private static final int GROUP = 4;

  private VectorSingleChannelConvolution() {}

  /**
   * One image's outputs: {@link #GROUP} neighbouring positions of a row at a time for each vector
   * of filters, a row's last {@code outWidth mod GROUP} positions one by one. Either way a
   * position's sum is the same chain, tap 0 onto zero then taps 1 to 8 in order, so the grouping
   * does not change the bits.
   */
  @Override
  protected void forwardImage(
      float[] x, int height, int width, float[] kernel, int filters, float[] z, int n) {
    int upper = SPECIES.loopBound(filters);
    int outWidth = width - 2;
    int grouped = outWidth - outWidth % GROUP;
    int out = n * (height - 2) * outWidth * filters;
    for (int i = 0; i < height - 2; i++) {
      int p = (n * height + i) * width;
      int j = 0;
      for (; j < grouped; j += GROUP, p += GROUP, out += GROUP * filters) {
        for (int f = 0; f < upper; f += L) {
          forwardGroup(x, p, width, kernel, filters, f, z, out + f);
        }
      }
      for (; j < outWidth; j++, p++, out += filters) {
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

  /**
   * One vector of filters of {@link #GROUP} neighbouring positions of a row, whose first pixel is
   * {@code x[p]}: four sums in registers, each kernel vector loaded once for the four and each of
   * the six pixels of a kernel row over them broadcast once. The kernel's three rows are written
   * out, and so are {@code madd}'s multiply-adds: past about 28 calls of a method of ours the
   * compiler stops inlining (NodeCountInliningCutoff), and the vectors passed to the calls left
   * out were boxed, twenty times slower; the Vector API's own methods are always inlined. A loop
   * over the kernel rows would carry the four sums from one iteration to the next, and such
   * vectors can be boxed too. No vector comes in or goes out, so it does not matter that the
   * method is too large to be inlined into the loop that calls it.
   */
  private static void forwardGroup(float[] x, int p, int width, float[] kernel, int filters,
      int f, float[] z, int out) {
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector k0 = FloatVector.fromArray(SPECIES, kernel, f);
    FloatVector k1 = FloatVector.fromArray(SPECIES, kernel, f + filters);
    FloatVector k2 = FloatVector.fromArray(SPECIES, kernel, f + 2 * filters);
    FloatVector a0 = FloatVector.broadcast(SPECIES, x[p]);
    FloatVector a1 = FloatVector.broadcast(SPECIES, x[p + 1]);
    FloatVector a2 = FloatVector.broadcast(SPECIES, x[p + 2]);
    FloatVector a3 = FloatVector.broadcast(SPECIES, x[p + 3]);
    FloatVector a4 = FloatVector.broadcast(SPECIES, x[p + 4]);
    FloatVector a5 = FloatVector.broadcast(SPECIES, x[p + 5]);
    FloatVector s0 = FUSED ? a0.fma(k0, zero) : a0.mul(k0).add(zero);
    FloatVector s1 = FUSED ? a1.fma(k0, zero) : a1.mul(k0).add(zero);
    FloatVector s2 = FUSED ? a2.fma(k0, zero) : a2.mul(k0).add(zero);
    FloatVector s3 = FUSED ? a3.fma(k0, zero) : a3.mul(k0).add(zero);
    s0 = FUSED ? a1.fma(k1, s0) : a1.mul(k1).add(s0);
    s1 = FUSED ? a2.fma(k1, s1) : a2.mul(k1).add(s1);
    s2 = FUSED ? a3.fma(k1, s2) : a3.mul(k1).add(s2);
    s3 = FUSED ? a4.fma(k1, s3) : a4.mul(k1).add(s3);
    s0 = FUSED ? a2.fma(k2, s0) : a2.mul(k2).add(s0);
    s1 = FUSED ? a3.fma(k2, s1) : a3.mul(k2).add(s1);
    s2 = FUSED ? a4.fma(k2, s2) : a4.mul(k2).add(s2);
    s3 = FUSED ? a5.fma(k2, s3) : a5.mul(k2).add(s3);
    p += width;
    k0 = FloatVector.fromArray(SPECIES, kernel, f + 3 * filters);
    k1 = FloatVector.fromArray(SPECIES, kernel, f + 4 * filters);
    k2 = FloatVector.fromArray(SPECIES, kernel, f + 5 * filters);
    a0 = FloatVector.broadcast(SPECIES, x[p]);
    a1 = FloatVector.broadcast(SPECIES, x[p + 1]);
    a2 = FloatVector.broadcast(SPECIES, x[p + 2]);
    a3 = FloatVector.broadcast(SPECIES, x[p + 3]);
    a4 = FloatVector.broadcast(SPECIES, x[p + 4]);
    a5 = FloatVector.broadcast(SPECIES, x[p + 5]);
    s0 = FUSED ? a0.fma(k0, s0) : a0.mul(k0).add(s0);
    s1 = FUSED ? a1.fma(k0, s1) : a1.mul(k0).add(s1);
    s2 = FUSED ? a2.fma(k0, s2) : a2.mul(k0).add(s2);
    s3 = FUSED ? a3.fma(k0, s3) : a3.mul(k0).add(s3);
    s0 = FUSED ? a1.fma(k1, s0) : a1.mul(k1).add(s0);
    s1 = FUSED ? a2.fma(k1, s1) : a2.mul(k1).add(s1);
    s2 = FUSED ? a3.fma(k1, s2) : a3.mul(k1).add(s2);
    s3 = FUSED ? a4.fma(k1, s3) : a4.mul(k1).add(s3);
    s0 = FUSED ? a2.fma(k2, s0) : a2.mul(k2).add(s0);
    s1 = FUSED ? a3.fma(k2, s1) : a3.mul(k2).add(s1);
    s2 = FUSED ? a4.fma(k2, s2) : a4.mul(k2).add(s2);
    s3 = FUSED ? a5.fma(k2, s3) : a5.mul(k2).add(s3);
    p += width;
    k0 = FloatVector.fromArray(SPECIES, kernel, f + 6 * filters);
    k1 = FloatVector.fromArray(SPECIES, kernel, f + 7 * filters);
    k2 = FloatVector.fromArray(SPECIES, kernel, f + 8 * filters);
    a0 = FloatVector.broadcast(SPECIES, x[p]);
    a1 = FloatVector.broadcast(SPECIES, x[p + 1]);
    a2 = FloatVector.broadcast(SPECIES, x[p + 2]);
    a3 = FloatVector.broadcast(SPECIES, x[p + 3]);
    a4 = FloatVector.broadcast(SPECIES, x[p + 4]);
    a5 = FloatVector.broadcast(SPECIES, x[p + 5]);
    s0 = FUSED ? a0.fma(k0, s0) : a0.mul(k0).add(s0);
    s1 = FUSED ? a1.fma(k0, s1) : a1.mul(k0).add(s1);
    s2 = FUSED ? a2.fma(k0, s2) : a2.mul(k0).add(s2);
    s3 = FUSED ? a3.fma(k0, s3) : a3.mul(k0).add(s3);
    s0 = FUSED ? a1.fma(k1, s0) : a1.mul(k1).add(s0);
    s1 = FUSED ? a2.fma(k1, s1) : a2.mul(k1).add(s1);
    s2 = FUSED ? a3.fma(k1, s2) : a3.mul(k1).add(s2);
    s3 = FUSED ? a4.fma(k1, s3) : a4.mul(k1).add(s3);
    (FUSED ? a2.fma(k2, s0) : a2.mul(k2).add(s0)).intoArray(z, out);
    (FUSED ? a3.fma(k2, s1) : a3.mul(k2).add(s1)).intoArray(z, out + filters);
    (FUSED ? a4.fma(k2, s2) : a4.mul(k2).add(s2)).intoArray(z, out + 2 * filters);
    (FUSED ? a5.fma(k2, s3) : a5.mul(k2).add(s3)).intoArray(z, out + 3 * filters);
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
