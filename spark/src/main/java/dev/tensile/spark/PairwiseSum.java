package dev.tensile.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums one {@link Partial} per partition in a fixed binary tree over the partition indices, so the
 * floating-point result is the same whatever order Spark's {@code treeAggregate} combines them
 * in: a run covers an aligned range {@code [k * 2^j, (k + 1) * 2^j)} and is only ever made as its
 * left half plus its right half. Once every partition is in, the runs left (the binary
 * decomposition of {@code [0, n)}) are added from left to right.
 */
final class PairwiseSum implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Runs by their first partition; each holds its size (a power of two) and its sum. */
  private final TreeMap<Integer, Run> runs = new TreeMap<>();

  private static final class Run implements Serializable {
    private static final long serialVersionUID = 1L;
    final int size;
    final Partial sum;

    Run(int size, Partial sum) {
      this.size = size;
      this.sum = sum;
    }
  }

  /** {@code treeAggregate}'s sequence step: adds one partition's result. */
  PairwiseSum add(int partition, Partial p) {
    insert(partition, new Run(1, p));
    return this;
  }

  /** {@code treeAggregate}'s combine step: adds another sum's runs. */
  PairwiseSum merge(PairwiseSum other) {
    for (Map.Entry<Integer, Run> e : other.runs.entrySet()) {
      insert(e.getKey(), e.getValue());
    }
    return this;
  }

  private void insert(int start, Run run) {
    if (runs.containsKey(start)) {
      throw new IllegalStateException("partition " + start + " was counted twice");
    }
    int s = start;
    Run r = run;
    while (true) {
      boolean isLeft = (s / r.size) % 2 == 0;
      int sibling = isLeft ? s + r.size : s - r.size;
      Run other = runs.get(sibling);
      if (other == null || other.size != r.size) {
        runs.put(s, r);
        return;
      }
      runs.remove(sibling);
      Partial sum = isLeft ? r.sum.plus(other.sum) : other.sum.plus(r.sum);
      s = Math.min(s, sibling);
      r = new Run(r.size * 2, sum);
    }
  }

  /**
   * Adds the remaining runs from left to right.
   *
   * @param partitions how many partitions there are; each must have been added once
   * @return the total
   */
  Partial total(int partitions) {
    Partial total = null;
    int covered = 0;
    for (Map.Entry<Integer, Run> e : runs.entrySet()) {
      if (e.getKey() != covered) {
        throw new IllegalStateException("partition " + covered + " is missing from the sum");
      }
      covered += e.getValue().size;
      total = total == null ? e.getValue().sum : total.plus(e.getValue().sum);
    }
    if (covered != partitions || total == null) {
      throw new IllegalStateException(
          "the sum covers " + covered + " partitions, expected " + partitions);
    }
    return total;
  }
}
