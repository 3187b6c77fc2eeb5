package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;

import dev.tensile.engine.Elementwise;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.Pooling;
import dev.tensile.engine.SingleChannelConvolution;
import dev.tensile.engine.Winograd;
import dev.tensile.engine.WinogradF4;
import dev.tensile.internal.MatrixArguments;
import java.util.Arrays;

/**
 * The fast engine: register-blocked, cache-blocked products with the Java Vector API ({@code
 * jdk.incubator.vector}), split across a few threads when large.
 *
 * <p>{@code C = op(A) B} is computed 4 rows by 2 vectors at a time, in the JVM's preferred vector
 * width (16 floats with AVX-512, 8 with AVX2) and no other. {@code multTransB} first transposes its
 * n x k factor (or, when that moves fewer floats, computes {@code C^T = B A^T} and transposes A and
 * the result), and a product narrower than one vector runs on a zero-padded copy. Products of at
 * least {@value #PARALLEL_MIN_WORK} multiply-adds ({@code m * k * n}) are split into disjoint row
 * or column ranges of C, two per thread. Every element of C is the same chain of multiply-adds in
 * ascending p, whatever the blocking and the split, so the results are bit-identical for every
 * thread count (they may differ from EJML's in the last bits).
 *
 * <p>Thread-safe; a product of a shape seen before allocates nothing. The JVM needs {@code
 * --add-modules=jdk.incubator.vector}; the kernels reach full speed after a second or two of use,
 * once the JIT has compiled them.
 */
public final class VectorEngine implements MatrixEngine {
  /** The system property giving the number of threads; the default is the number of processors. */
  public static final String THREADS_PROPERTY = "tensile.threads";

  /**
   * Products with at least this many multiply-adds ({@code 2^23}) are split across threads: for a
   * Dense layer of 784 inputs and 100 units, from a batch of 107 on. Batches of 32 and 64 stay on
   * the caller's thread: over a whole training step, moving their data between cores costs about
   * what a second thread saves.
   */
  public static final long PARALLEL_MIN_WORK = 1L << 23;

  /**
   * Parts per thread of a split product: threads claim parts as they become free, so one that a
   * busy machine delays leaves its second part to the others.
   */
  private static final int PARTS_PER_THREAD = 2;

  private final int threads;
  private final WorkerPool pool;

  /**
   * Makes an engine with as many threads as the system property {@value #THREADS_PROPERTY} says,
   * or as the machine has processors.
   *
   * @throws IllegalArgumentException if the property is not a positive integer
   */
  public VectorEngine() {
    this(defaultThreads());
  }

  /**
   * Makes an engine with a given number of threads, the caller's included.
   *
   * @param threads the most threads one product uses; 1 keeps every product on the caller's thread
   * @throws IllegalArgumentException if threads is less than 1
   */
  public VectorEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.pool = new WorkerPool(threads - 1);
  }

  /**
   * Tells how many threads a large product uses.
   *
   * @return the thread count, the caller's included
   */
  public int threads() {
    return threads;
  }

  @Override
  public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) m * k, b, (long) k * n, c, (long) m * n);
    compute(a, k, 1, b, false, c, m, k, n);
  }

  @Override
  public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) k * m, b, (long) k * n, c, (long) m * n);
    compute(a, 1, m, b, false, c, m, k, n);
  }

  @Override
  public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) m * k, b, (long) n * k, c, (long) m * n);
    compute(a, k, 1, b, true, c, m, k, n);
  }

  @Override
  public String name() {
    return "vector";
  }

  /**
   * Returns the Vector API element-wise kernels.
   *
   * @return the kernels, bit-identical to the portable ones except where {@link
   *     dev.tensile.engine.Elementwise} says otherwise
   */
  @Override
  public Elementwise elementwise() {
    return VectorElementwise.INSTANCE;
  }

  /**
   * Shares the range among the engine's threads, one contiguous part each, cut at the same
   * places whichever thread runs a part.
   */
  @Override
  public void forEachRange(int count, RangeTask task) {
    int parts = Math.min(count, threads);
    if (parts <= 1) {
      MatrixEngine.super.forEachRange(count, task);
      return;
    }
    RangeJob job = Scratch.current().rangeJob();
    job.set(task, count, parts);
    try {
      pool.run(job, parts);
    } finally {
      job.clear();
    }
  }

  /**
   * Returns the Vector API pooling kernels.
   *
   * @return the kernels, bit-identical to the portable ones
   */
  @Override
  public Pooling pooling() {
    return VectorPooling.INSTANCE;
  }

  /**
   * Returns the Vector API single-channel convolution kernels.
   *
   * @return the kernels
   */
  @Override
  public SingleChannelConvolution singleChannelConvolution() {
    return VectorSingleChannelConvolution.INSTANCE;
  }

  /**
   * Returns the Vector API Winograd transforms.
   *
   * @return the kernels, bit-identical to the portable ones
   */
  @Override
  public Winograd winograd() {
    return VectorWinograd.INSTANCE;
  }

  /**
   * Returns the Vector API {@code F(4 x 4, 3 x 3)} Winograd transforms.
   *
   * @return the kernels, bit-identical to the portable ones
   */
  @Override
  public WinogradF4 winogradF4() {
    return VectorWinogradF4.INSTANCE;
  }

  @Override
  public String toString() {
    return "VectorEngine(threads=" + threads + ", floats per vector=" + L + ")";
  }

  /** {@code C = op(A) B} with {@code op(A)[i][p] = a[i * ars + p * acs]}. */
  private void compute(
      float[] a, int ars, int acs, float[] b, boolean bTransposed, float[] c, int m, int k, int n) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, 0, m * n, 0f);
      return;
    }
    Scratch scratch = Scratch.current();
    if (bTransposed && (long) m * (k + n) < (long) n * k) {
      // C^T = B A^T: transposing A and C moves fewer floats than transposing B.
      int width = Math.max(m, L);
      float[] at = scratch.stage(a, true, k, m, width);
      float[] ct = scratch.stagedOutput(n * width);
      run(scratch.product(), b, k, 1, at, ct, n, k, width);
      Transpose.copy(ct, width, n, m, c, n);
      return;
    }
    int width = Math.max(n, L);
    float[] bb = bTransposed || width > n ? scratch.stage(b, bTransposed, k, n, width) : b;
    float[] cc = width > n ? scratch.stagedOutput(m * width) : c;
    run(scratch.product(), a, ars, acs, bb, cc, m, k, width);
    if (width > n) {
      for (int i = 0; i < m; i++) {
        System.arraycopy(cc, i * width, c, i * n, n);
      }
    }
  }

  /** Runs a product whose B and C are at least one vector wide, split across threads if large. */
  private void run(
      Product product, float[] a, int ars, int acs, float[] b, float[] c, int m, int k, int n) {
    product.set(a, ars, acs, b, c, m, k, n);
    try {
      boolean large = (long) m * k * n >= PARALLEL_MIN_WORK;
      int parts = product.split(large ? threads * PARTS_PER_THREAD : 1);
      if (parts == 1) {
        product.computeBlock(0, m, 0, n);
      } else {
        pool.run(product, parts);
      }
    } finally {
      product.clear();
    }
  }

  private static int defaultThreads() {
    String value = System.getProperty(THREADS_PROPERTY);
    if (value == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int threads = Integer.parseInt(value.trim());
      if (threads >= 1) {
        return threads;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    throw new IllegalArgumentException(
        THREADS_PROPERTY + " must be a positive integer, got '" + value + "'");
  }
}
