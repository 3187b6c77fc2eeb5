package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.engine.vector.VectorEngine;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matrix engine contract for the Vector API engine, and its thread-count determinism; skipped
 * when the JVM lacks {@code jdk.incubator.vector}.
 */
class VectorEngineTest extends MatrixEngineContract {
  /** Shapes {m, k, n} large enough to be split across threads, by rows, columns and padded. */
  private static final int[][] LARGE_SHAPES = {
    {300, 517, 131}, {40, 300, 1000}, {3000, 600, 5}, {131, 517, 300},
  };

  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected MatrixEngine engine() {
    return new VectorEngine(2);
  }

  @Test
  void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
    SplittableRandom random = new SplittableRandom(21);
    MatrixEngine[] engines = {new VectorEngine(1), new VectorEngine(2), new VectorEngine(3)};
    for (Op op : Op.values()) {
      for (int[] s : LARGE_SHAPES) {
        int m = s[0];
        int k = s[1];
        int n = s[2];
        assertTrue((long) m * k * n >= VectorEngine.PARALLEL_MIN_WORK, "too small to split");
        float[] a = randomWithSurplus(op.aSize(m, k), random, false);
        float[] b = randomWithSurplus(op.bSize(k, n), random, false);
        float[] single = new float[m * n];
        op.run(engines[0], a, b, single, m, k, n);
        for (int t = 1; t < engines.length; t++) {
          float[] c = new float[m * n];
          op.run(engines[t], a, b, c, m, k, n);
          assertArrayEquals(single, c, op + " " + m + "x" + k + "x" + n + ", threads " + (t + 1));
        }
      }
    }
  }

  @Test
  void largeProductsMatchTheDoubleReference() {
    SplittableRandom random = new SplittableRandom(22);
    MatrixEngine e = new VectorEngine(3);
    for (Op op : Op.values()) {
      for (int[] s : LARGE_SHAPES) {
        checkProduct(e, op, s[0], s[1], s[2], random, false);
      }
    }
  }

  @Test
  void concurrentCallersGetTheirOwnResults() throws InterruptedException {
    VectorEngine shared = new VectorEngine(2);
    SplittableRandom random = new SplittableRandom(23);
    int m = 300;
    int k = 300;
    int n = 100;
    assertTrue((long) m * k * n >= VectorEngine.PARALLEL_MIN_WORK, "too small to split");
    float[][] as = new float[4][];
    float[][] expected = new float[4][];
    float[][] results = new float[4][];
    for (int t = 0; t < 4; t++) {
      as[t] = randomWithSurplus(m * k, random, false);
      expected[t] = new float[m * n];
      results[t] = new float[m * n];
    }
    float[] b = randomWithSurplus(k * n, random, false);
    for (int t = 0; t < 4; t++) {
      new VectorEngine(1).mult(as[t], b, expected[t], m, k, n);
    }
    Thread[] callers = new Thread[4];
    for (int t = 0; t < 4; t++) {
      int id = t;
      callers[t] =
          new Thread(
              () -> {
                for (int r = 0; r < 20; r++) {
                  shared.mult(as[id], b, results[id], m, k, n);
                }
              });
      callers[t].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    for (int t = 0; t < 4; t++) {
      assertArrayEquals(expected[t], results[t], "caller " + t);
    }
  }

  @Test
  void forEachRangeCoversEveryItemOnceInContiguousRanges() {
    for (int threads = 1; threads <= 3; threads++) {
      VectorEngine engine = new VectorEngine(threads);
      for (int count : new int[] {0, 1, 2, 5, 32}) {
        int[] seen = new int[count];
        AtomicInteger calls = new AtomicInteger();
        engine.forEachRange(count, (from, to) -> {
          calls.incrementAndGet();
          for (int i = from; i < to; i++) {
            seen[i]++;
          }
        });
        for (int i = 0; i < count; i++) {
          assertEquals(1, seen[i], "item " + i + " of " + count + " on " + threads + " threads");
        }
        assertEquals(
            Math.min(count, threads), calls.get(), count + " items, " + threads + " threads");
      }
    }
  }

  @Test
  void forEachRangeRethrowsAFailure() {
    VectorEngine engine = new VectorEngine(2);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> engine.forEachRange(8, (from, to) -> {
          if (from > 0) {
            throw new IllegalStateException("range from " + from);
          }
        }));
    assertEquals("range from 4", e.getMessage());
    int[] total = new int[1];
    engine.forEachRange(4, (from, to) -> {
      synchronized (total) {
        total[0] += to - from;
      }
    });
    assertEquals(4, total[0], "the engine still works after a failure");
  }

  @Test
  void threadCountComesFromTheConstructorOrTheProperty() {
    assertEquals(3, new VectorEngine(3).threads());
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> new VectorEngine(0));
    assertTrue(zero.getMessage().contains("0"), zero.getMessage());
    String saved = System.getProperty(VectorEngine.THREADS_PROPERTY);
    try {
      System.clearProperty(VectorEngine.THREADS_PROPERTY);
      assertEquals(Runtime.getRuntime().availableProcessors(), new VectorEngine().threads());
      System.setProperty(VectorEngine.THREADS_PROPERTY, "5");
      assertEquals(5, new VectorEngine().threads());
      System.setProperty(VectorEngine.THREADS_PROPERTY, "many");
      IllegalArgumentException bad =
          assertThrows(IllegalArgumentException.class, VectorEngine::new);
      assertTrue(bad.getMessage().contains("'many'"), bad.getMessage());
    } finally {
      if (saved == null) {
        System.clearProperty(VectorEngine.THREADS_PROPERTY);
      } else {
        System.setProperty(VectorEngine.THREADS_PROPERTY, saved);
      }
    }
  }
}
