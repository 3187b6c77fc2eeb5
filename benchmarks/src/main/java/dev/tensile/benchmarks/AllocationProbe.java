package dev.tensile.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the training thread allocates over a run of steps inside {@code fit}: from the
 * start of batch {@code first} to the start of batch {@code first + steps}, so each counted step
 * holds the batch gathering, forward, loss, backward, metrics, optimizer and callback calls.
 *
 * <p>It reads {@link ThreadMXBean#getCurrentThreadAllocatedBytes()}, which counts the calling
 * thread only: work handed to other threads is not seen.
 */
public final class AllocationProbe implements Callback {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final int first;
  private final int steps;
  private long before = -1;
  private long after = -1;

  /**
   * Makes a probe over batches {@code first .. first + steps - 1} of every epoch it sees (the last
   * epoch wins).
   *
   * @param first the first counted batch; at least 1, so the epoch's set-up is not counted
   * @param steps the number of counted batches; positive
   * @throws IllegalArgumentException if first or steps is out of range
   */
  public AllocationProbe(int first, int steps) {
    if (first < 1 || steps < 1) {
      throw new IllegalArgumentException(
          "need first >= 1 and steps >= 1, got first=" + first + ", steps=" + steps);
    }
    this.first = first;
    this.steps = steps;
  }

  /**
   * Tells whether this JVM counts allocated bytes per thread.
   *
   * @return true if the counter is supported and enabled
   */
  public static boolean supported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }

  /**
   * Counts what reading the counter itself allocates, to check that it adds nothing.
   *
   * @return bytes allocated between two reads of the counter
   */
  public static long readCost() {
    long a = THREADS.getCurrentThreadAllocatedBytes();
    long b = THREADS.getCurrentThreadAllocatedBytes();
    return b - a;
  }

  @Override
  public void onTrainBatchBegin(int batch, Logs logs) {
    if (batch == first) {
      before = THREADS.getCurrentThreadAllocatedBytes();
    } else if (batch == first + steps) {
      after = THREADS.getCurrentThreadAllocatedBytes();
    }
  }

  /**
   * Returns the mean bytes allocated per counted step.
   *
   * @return bytes per step
   * @throws IllegalStateException if the epoch was too short to reach the last counted batch
   */
  public double bytesPerStep() {
    if (before < 0 || after < 0) {
      throw new IllegalStateException(
          "the epoch ended before batch " + (first + steps) + "; use fewer steps or more data");
    }
    return (after - before) / (double) steps;
  }
}
