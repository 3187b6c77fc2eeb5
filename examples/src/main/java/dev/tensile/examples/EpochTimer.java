package dev.tensile.examples;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A callback that times each epoch, for the results tables' seconds per epoch. */
public final class EpochTimer implements Callback {
  private final List<Double> seconds = new ArrayList<>();
  private long start;

  /** Makes a timer with no epochs recorded. */
  public EpochTimer() {}

  @Override
  public void onEpochBegin(int epoch, Logs logs) {
    start = System.nanoTime();
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    seconds.add((System.nanoTime() - start) / 1e9);
  }

  /**
   * Returns the median epoch duration.
   *
   * @return seconds, or NaN if no epoch ran
   */
  public double medianSeconds() {
    if (seconds.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
