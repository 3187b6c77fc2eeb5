package dev.tensile.engine.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The pool runs every part once, on more than one thread, and passes failures to the caller. */
class WorkerPoolTest {
  @Test
  void everyPartRunsExactlyOnceJobAfterJob() {
    WorkerPool pool = new WorkerPool(2);
    for (int parts = 1; parts <= 9; parts++) {
      for (int repeat = 0; repeat < 50; repeat++) {
        AtomicIntegerArray runs = new AtomicIntegerArray(parts);
        pool.run(runs::incrementAndGet, parts);
        for (int p = 0; p < parts; p++) {
          assertEquals(1, runs.get(p), "part " + p + " of " + parts);
        }
      }
    }
  }

  @Test
  void partsRunOnThePoolThreads() {
    WorkerPool pool = new WorkerPool(1);
    Set<String> names = new HashSet<>();
    for (int repeat = 0; repeat < 200 && names.size() < 2; repeat++) {
      pool.run(
          part -> {
            synchronized (names) {
              names.add(Thread.currentThread().getName());
            }
            long end = System.nanoTime() + 200_000;
            while (System.nanoTime() < end) {
              Thread.onSpinWait();
            }
          },
          2);
    }
    assertTrue(names.contains("tensile-vector-1"), names.toString());
  }

  @Test
  void aFailingPartIsRethrownToTheCaller() {
    WorkerPool pool = new WorkerPool(2);
    IllegalStateException failure = new IllegalStateException("part 3 failed");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                pool.run(
                    part -> {
                      if (part == 3) {
                        throw failure;
                      }
                    },
                    6));
    assertSame(failure, thrown);
    AtomicIntegerArray runs = new AtomicIntegerArray(4);
    pool.run(runs::incrementAndGet, 4);
    assertEquals(4, runs.get(0) + runs.get(1) + runs.get(2) + runs.get(3), "pool still works");
  }
}
