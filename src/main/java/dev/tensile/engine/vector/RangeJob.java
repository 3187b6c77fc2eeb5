package dev.tensile.engine.vector;

import dev.tensile.engine.MatrixEngine.RangeTask;

/**
 * A range of items cut into equal contiguous parts for the {@link WorkerPool}: part {@code p} of
 * {@code parts} is {@code [count p / parts, count (p + 1) / parts)}. One per thread (in {@link
 * Scratch}), set for each call and cleared after it, so a call allocates nothing.
 */
final class RangeJob implements WorkerPool.Job {
  private RangeTask task;
  private int count;
  private int parts;

  /** Sets the work of one call. */
  void set(RangeTask newTask, int newCount, int newParts) {
    task = newTask;
    count = newCount;
    parts = newParts;
  }

  /** Drops the task, so that the job holds on to nothing between calls. */
  void clear() {
    task = null;
  }

  @Override
  public void runPart(int part) {
    int from = (int) ((long) count * part / parts);
    int to = (int) ((long) count * (part + 1) / parts);
    if (from < to) {
      task.run(from, to);
    }
  }
}
