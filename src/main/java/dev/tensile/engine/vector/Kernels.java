package dev.tensile.engine.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels: {@code C[r][v] (+)= sum_p A[r][p] * B[p][v]} for a block of 8
 * (with AVX-512), 4 or 1 rows of C and 2 or 1 vectors of columns, over {@code kc} steps of p.
 *
 * <p>Element {@code (r, p)} of A is {@code a[ai + r * ars + p * acs]}, so one kernel serves both
 * A (strides {@code k, 1}) and its transpose (strides {@code 1, m}); row p of B starts at {@code
 * b[bi + p * bs]} and is read {@code L} or {@code 2L} floats wide; row r of C starts at {@code
 * c[ci + r * cs]}. With {@code add} false the block starts from zero, otherwise from C.
 *
 * <p>Every output element is the same chain {@code acc = fma(a_p, b_p, acc)} for p ascending
 * (a multiply and an add, each rounded, on a CPU without fused multiply-add), whichever kernel
 * computes it; storing and reloading a float is exact, so splitting p into blocks
 * does not change it either. That is what makes the engine's results independent of blocking
 * and thread count. Only one species is used in the whole engine: on JDK 17 a second one stops
 * the operations from being compiled to vector instructions.
 */
final class Kernels {
  /** The one vector species of the engine. */
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /** Floats per vector. */
  static final int L = SPECIES.length();

  /**
   * Whether the CPU has fused multiply-add. Without it the JVM computes a fused multiply-add in
   * software, thousands of times slower than a multiply and an add, so the kernels do those.
   */
  static final boolean FUSED = cpuHasFma();

  /**
   * Whether the 8-row kernels pay: their 16 or 8 accumulators, 2 rows of B and a broadcast need
   * up to 19 vector registers, which AVX-512 (32 registers, 16 floats per vector) has and AVX2
   * (16 registers, 8 floats) has not.
   */
  static final boolean EIGHT_ROWS = L >= 16;

  private Kernels() {}

  /**
   * 8 rows by 2 vectors: 16 accumulators, 2 loads of B and 8 broadcasts of A per step, so each
   * load of B feeds 8 multiply-adds instead of 4.
   */
  static void rows8Vectors2(
      float[] a, int ai, int ars, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci, int cs,
      int kc, boolean add) {
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    int c4 = c3 + cs;
    int c5 = c4 + cs;
    int c6 = c5 + cs;
    int c7 = c6 + cs;
    FloatVector s00 = start(c, ci, add);
    FloatVector s01 = start(c, ci + L, add);
    FloatVector s10 = start(c, c1, add);
    FloatVector s11 = start(c, c1 + L, add);
    FloatVector s20 = start(c, c2, add);
    FloatVector s21 = start(c, c2 + L, add);
    FloatVector s30 = start(c, c3, add);
    FloatVector s31 = start(c, c3 + L, add);
    FloatVector s40 = start(c, c4, add);
    FloatVector s41 = start(c, c4 + L, add);
    FloatVector s50 = start(c, c5, add);
    FloatVector s51 = start(c, c5 + L, add);
    FloatVector s60 = start(c, c6, add);
    FloatVector s61 = start(c, c6 + L, add);
    FloatVector s70 = start(c, c7, add);
    FloatVector s71 = start(c, c7 + L, add);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + L);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
      s00 = madd(x, b0, s00);
      s01 = madd(x, b1, s01);
      x = FloatVector.broadcast(SPECIES, a[ai + ars]);
      s10 = madd(x, b0, s10);
      s11 = madd(x, b1, s11);
      x = FloatVector.broadcast(SPECIES, a[ai + 2 * ars]);
      s20 = madd(x, b0, s20);
      s21 = madd(x, b1, s21);
      x = FloatVector.broadcast(SPECIES, a[ai + 3 * ars]);
      s30 = madd(x, b0, s30);
      s31 = madd(x, b1, s31);
      x = FloatVector.broadcast(SPECIES, a[ai + 4 * ars]);
      s40 = madd(x, b0, s40);
      s41 = madd(x, b1, s41);
      x = FloatVector.broadcast(SPECIES, a[ai + 5 * ars]);
      s50 = madd(x, b0, s50);
      s51 = madd(x, b1, s51);
      x = FloatVector.broadcast(SPECIES, a[ai + 6 * ars]);
      s60 = madd(x, b0, s60);
      s61 = madd(x, b1, s61);
      x = FloatVector.broadcast(SPECIES, a[ai + 7 * ars]);
      s70 = madd(x, b0, s70);
      s71 = madd(x, b1, s71);
      ai += acs;
      bi += bs;
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
    s60.intoArray(c, c6);
    s61.intoArray(c, c6 + L);
    s70.intoArray(c, c7);
    s71.intoArray(c, c7 + L);
  }

  /**
   * 8 rows by 1 vector: for the last vector of a row; 8 independent chains hide the latency of a
   * multiply-add where the 4-row kernel's 4 cannot.
   */
  static void rows8Vectors1(
      float[] a, int ai, int ars, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci, int cs,
      int kc, boolean add) {
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    int c4 = c3 + cs;
    int c5 = c4 + cs;
    int c6 = c5 + cs;
    int c7 = c6 + cs;
    FloatVector s0 = start(c, ci, add);
    FloatVector s1 = start(c, c1, add);
    FloatVector s2 = start(c, c2, add);
    FloatVector s3 = start(c, c3, add);
    FloatVector s4 = start(c, c4, add);
    FloatVector s5 = start(c, c5, add);
    FloatVector s6 = start(c, c6, add);
    FloatVector s7 = start(c, c7, add);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      s0 = madd(FloatVector.broadcast(SPECIES, a[ai]), b0, s0);
      s1 = madd(FloatVector.broadcast(SPECIES, a[ai + ars]), b0, s1);
      s2 = madd(FloatVector.broadcast(SPECIES, a[ai + 2 * ars]), b0, s2);
      s3 = madd(FloatVector.broadcast(SPECIES, a[ai + 3 * ars]), b0, s3);
      s4 = madd(FloatVector.broadcast(SPECIES, a[ai + 4 * ars]), b0, s4);
      s5 = madd(FloatVector.broadcast(SPECIES, a[ai + 5 * ars]), b0, s5);
      s6 = madd(FloatVector.broadcast(SPECIES, a[ai + 6 * ars]), b0, s6);
      s7 = madd(FloatVector.broadcast(SPECIES, a[ai + 7 * ars]), b0, s7);
      ai += acs;
      bi += bs;
    }
    s0.intoArray(c, ci);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
    s4.intoArray(c, c4);
    s5.intoArray(c, c5);
    s6.intoArray(c, c6);
    s7.intoArray(c, c7);
  }

  /**
   * {@link #rows8Vectors2} for a row-major A (column stride 1) and a packed strip of B (row p at
   * {@code b[bi + 2 L p ..)}): every index is a loop-invariant start plus a constant times p, the
   * form from which the JIT hoists the bounds checks out of the loop. With A's strides left
   * variable, as in {@link #rows8Vectors2}, it checks each of the ten loads of every step.
   */
  static void rows8Vectors2RowMajor(
      float[] a, int ai, int ars, float[] b, int bi, float[] c, int ci, int cs, int kc,
      boolean add) {
    int a1 = ai + ars;
    int a2 = a1 + ars;
    int a3 = a2 + ars;
    int a4 = a3 + ars;
    int a5 = a4 + ars;
    int a6 = a5 + ars;
    int a7 = a6 + ars;
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    int c4 = c3 + cs;
    int c5 = c4 + cs;
    int c6 = c5 + cs;
    int c7 = c6 + cs;
    FloatVector s00 = start(c, ci, add);
    FloatVector s01 = start(c, ci + L, add);
    FloatVector s10 = start(c, c1, add);
    FloatVector s11 = start(c, c1 + L, add);
    FloatVector s20 = start(c, c2, add);
    FloatVector s21 = start(c, c2 + L, add);
    FloatVector s30 = start(c, c3, add);
    FloatVector s31 = start(c, c3 + L, add);
    FloatVector s40 = start(c, c4, add);
    FloatVector s41 = start(c, c4 + L, add);
    FloatVector s50 = start(c, c5, add);
    FloatVector s51 = start(c, c5 + L, add);
    FloatVector s60 = start(c, c6, add);
    FloatVector s61 = start(c, c6 + L, add);
    FloatVector s70 = start(c, c7, add);
    FloatVector s71 = start(c, c7 + L, add);
    for (int p = 0; p < kc; p++) {
      int ib = bi + 2 * L * p;
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, ib);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, ib + L);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai + p]);
      s00 = madd(x, b0, s00);
      s01 = madd(x, b1, s01);
      x = FloatVector.broadcast(SPECIES, a[a1 + p]);
      s10 = madd(x, b0, s10);
      s11 = madd(x, b1, s11);
      x = FloatVector.broadcast(SPECIES, a[a2 + p]);
      s20 = madd(x, b0, s20);
      s21 = madd(x, b1, s21);
      x = FloatVector.broadcast(SPECIES, a[a3 + p]);
      s30 = madd(x, b0, s30);
      s31 = madd(x, b1, s31);
      x = FloatVector.broadcast(SPECIES, a[a4 + p]);
      s40 = madd(x, b0, s40);
      s41 = madd(x, b1, s41);
      x = FloatVector.broadcast(SPECIES, a[a5 + p]);
      s50 = madd(x, b0, s50);
      s51 = madd(x, b1, s51);
      x = FloatVector.broadcast(SPECIES, a[a6 + p]);
      s60 = madd(x, b0, s60);
      s61 = madd(x, b1, s61);
      x = FloatVector.broadcast(SPECIES, a[a7 + p]);
      s70 = madd(x, b0, s70);
      s71 = madd(x, b1, s71);
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
    s60.intoArray(c, c6);
    s61.intoArray(c, c6 + L);
    s70.intoArray(c, c7);
    s71.intoArray(c, c7 + L);
  }

  /**
   * {@link #rows8Vectors2} for a transposed A (row stride 1: step p reads the eight rows at
   * {@code a[ai + p acs ..+8)}, as a product {@code A^T B} does). The eight loads' indices differ
   * by constants, so the JIT checks the first and the last only; with the row stride left
   * variable, as in {@link #rows8Vectors2}, it checks all eight and computes their addresses.
   */
  static void rows8Vectors2Transposed(
      float[] a, int ai, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci, int cs,
      int kc, boolean add) {
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    int c4 = c3 + cs;
    int c5 = c4 + cs;
    int c6 = c5 + cs;
    int c7 = c6 + cs;
    FloatVector s00 = start(c, ci, add);
    FloatVector s01 = start(c, ci + L, add);
    FloatVector s10 = start(c, c1, add);
    FloatVector s11 = start(c, c1 + L, add);
    FloatVector s20 = start(c, c2, add);
    FloatVector s21 = start(c, c2 + L, add);
    FloatVector s30 = start(c, c3, add);
    FloatVector s31 = start(c, c3 + L, add);
    FloatVector s40 = start(c, c4, add);
    FloatVector s41 = start(c, c4 + L, add);
    FloatVector s50 = start(c, c5, add);
    FloatVector s51 = start(c, c5 + L, add);
    FloatVector s60 = start(c, c6, add);
    FloatVector s61 = start(c, c6 + L, add);
    FloatVector s70 = start(c, c7, add);
    FloatVector s71 = start(c, c7 + L, add);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + L);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
      s00 = madd(x, b0, s00);
      s01 = madd(x, b1, s01);
      x = FloatVector.broadcast(SPECIES, a[ai + 1]);
      s10 = madd(x, b0, s10);
      s11 = madd(x, b1, s11);
      x = FloatVector.broadcast(SPECIES, a[ai + 2]);
      s20 = madd(x, b0, s20);
      s21 = madd(x, b1, s21);
      x = FloatVector.broadcast(SPECIES, a[ai + 3]);
      s30 = madd(x, b0, s30);
      s31 = madd(x, b1, s31);
      x = FloatVector.broadcast(SPECIES, a[ai + 4]);
      s40 = madd(x, b0, s40);
      s41 = madd(x, b1, s41);
      x = FloatVector.broadcast(SPECIES, a[ai + 5]);
      s50 = madd(x, b0, s50);
      s51 = madd(x, b1, s51);
      x = FloatVector.broadcast(SPECIES, a[ai + 6]);
      s60 = madd(x, b0, s60);
      s61 = madd(x, b1, s61);
      x = FloatVector.broadcast(SPECIES, a[ai + 7]);
      s70 = madd(x, b0, s70);
      s71 = madd(x, b1, s71);
      ai += acs;
      bi += bs;
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
    s40.intoArray(c, c4);
    s41.intoArray(c, c4 + L);
    s50.intoArray(c, c5);
    s51.intoArray(c, c5 + L);
    s60.intoArray(c, c6);
    s61.intoArray(c, c6 + L);
    s70.intoArray(c, c7);
    s71.intoArray(c, c7 + L);
  }

  /** 4 rows by 2 vectors: 8 accumulators, 2 loads of B and 4 broadcasts of A per step. */
  static void rows4Vectors2(
      float[] a, int ai, int ars, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci, int cs,
      int kc, boolean add) {
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    FloatVector s00 = start(c, ci, add);
    FloatVector s01 = start(c, ci + L, add);
    FloatVector s10 = start(c, c1, add);
    FloatVector s11 = start(c, c1 + L, add);
    FloatVector s20 = start(c, c2, add);
    FloatVector s21 = start(c, c2 + L, add);
    FloatVector s30 = start(c, c3, add);
    FloatVector s31 = start(c, c3 + L, add);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + L);
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
      s00 = madd(x, b0, s00);
      s01 = madd(x, b1, s01);
      x = FloatVector.broadcast(SPECIES, a[ai + ars]);
      s10 = madd(x, b0, s10);
      s11 = madd(x, b1, s11);
      x = FloatVector.broadcast(SPECIES, a[ai + 2 * ars]);
      s20 = madd(x, b0, s20);
      s21 = madd(x, b1, s21);
      x = FloatVector.broadcast(SPECIES, a[ai + 3 * ars]);
      s30 = madd(x, b0, s30);
      s31 = madd(x, b1, s31);
      ai += acs;
      bi += bs;
    }
    s00.intoArray(c, ci);
    s01.intoArray(c, ci + L);
    s10.intoArray(c, c1);
    s11.intoArray(c, c1 + L);
    s20.intoArray(c, c2);
    s21.intoArray(c, c2 + L);
    s30.intoArray(c, c3);
    s31.intoArray(c, c3 + L);
  }

  /** 4 rows by 1 vector: for the last vector of a row and the overlapping tail vector. */
  static void rows4Vectors1(
      float[] a, int ai, int ars, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci, int cs,
      int kc, boolean add) {
    int c1 = ci + cs;
    int c2 = c1 + cs;
    int c3 = c2 + cs;
    FloatVector s0 = start(c, ci, add);
    FloatVector s1 = start(c, c1, add);
    FloatVector s2 = start(c, c2, add);
    FloatVector s3 = start(c, c3, add);
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      s0 = madd(FloatVector.broadcast(SPECIES, a[ai]), b0, s0);
      s1 = madd(FloatVector.broadcast(SPECIES, a[ai + ars]), b0, s1);
      s2 = madd(FloatVector.broadcast(SPECIES, a[ai + 2 * ars]), b0, s2);
      s3 = madd(FloatVector.broadcast(SPECIES, a[ai + 3 * ars]), b0, s3);
      ai += acs;
      bi += bs;
    }
    s0.intoArray(c, ci);
    s1.intoArray(c, c1);
    s2.intoArray(c, c2);
    s3.intoArray(c, c3);
  }

  /** 1 row by 2 vectors: for the last rows when the row count is not a multiple of 4. */
  static void rows1Vectors2(
      float[] a, int ai, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci,
      int kc, boolean add) {
    FloatVector s0 = start(c, ci, add);
    FloatVector s1 = start(c, ci + L, add);
    for (int p = 0; p < kc; p++) {
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
      s0 = madd(x, FloatVector.fromArray(SPECIES, b, bi), s0);
      s1 = madd(x, FloatVector.fromArray(SPECIES, b, bi + L), s1);
      ai += acs;
      bi += bs;
    }
    s0.intoArray(c, ci);
    s1.intoArray(c, ci + L);
  }

  /** 1 row by 1 vector. */
  static void rows1Vectors1(
      float[] a, int ai, int acs,
      float[] b, int bi, int bs,
      float[] c, int ci,
      int kc, boolean add) {
    FloatVector s0 = start(c, ci, add);
    for (int p = 0; p < kc; p++) {
      FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
      s0 = madd(x, FloatVector.fromArray(SPECIES, b, bi), s0);
      ai += acs;
      bi += bs;
    }
    s0.intoArray(c, ci);
  }

  /** {@code x * y + s}, fused where the CPU can. */
  private static FloatVector madd(FloatVector x, FloatVector y, FloatVector s) {
    return FUSED ? x.fma(y, s) : x.mul(y).add(s);
  }

  private static boolean cpuHasFma() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm == null || Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError notHotSpot) {
      return true;
    }
  }

  private static FloatVector start(float[] c, int ci, boolean add) {
    return add ? FloatVector.fromArray(SPECIES, c, ci) : FloatVector.zero(SPECIES);
  }
}
