package dev.tensile.engine.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels: {@code C[r][v] (+)= sum_p A[r][p] * B[p][v]} for a block of 4
 * or 1 rows of C and 2 or 1 vectors of columns, over {@code kc} steps of p.
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

  private Kernels() {}

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
