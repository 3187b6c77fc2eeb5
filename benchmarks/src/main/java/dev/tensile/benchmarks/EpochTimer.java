package dev.tensile.benchmarks;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;

/**
 * Times every epoch of a {@code fit}, from {@code onEpochBegin} to {@code onEpochEnd}: the shuffle,
 * every batch with its metrics and callbacks, and nothing before or after the epoch.
 */
public final class EpochTimer implements Callback {
  private final double[] seconds;
  private int count;
  private long start;

  /**
   * Makes a timer for up to {@code capacity} epochs.
   *
   * @param capacity the most epochs it will time
   */
  public EpochTimer(int capacity) {
    seconds = new double[capacity];
  }

  @Override
  public void onEpochBegin(int epoch, Logs logs) {
    start = System.nanoTime();
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    seconds[count++] = (System.nanoTime() - start) / 1e9;
  }

  /**
   * Returns the epoch times after the first {@code skip}.
   *
   * @param skip the warm-up epochs to leave out
   * @return seconds per epoch, in order
   * @throws IllegalStateException if no epoch is left after skipping
   */
  public double[] secondsAfter(int skip) {
    if (count <= skip) {
      throw new IllegalStateException(
          "timed " + count + " epochs, none left after skipping " + skip);
    }
    double[] out = new double[count - skip];
    System.arraycopy(seconds, skip, out, 0, out.length);
    return out;
  }
}
