package dev.tensile.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tensile.utils.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sum of the replicas' states does not depend on the order Spark combines them in. */
class PairwiseSumTest {
  /** Values of very different magnitudes, where the order of additions shows in the result. */
  private static float[] weights(long seed) {
    Rng rng = new Rng(seed);
    float[] w = new float[50];
    for (int i = 0; i < w.length; i++) {
      w[i] = (rng.nextFloat() - 0.5f) * (float) Math.pow(10, rng.nextInt(9) - 4);
    }
    return w;
  }

  private static Partial replica(long seed, int steps) {
    float[] slot = weights(seed + 100);
    ModelState s = new ModelState(
        new float[][] {weights(seed)}, new int[][] {{50}}, new float[][] {slot}, 0);
    return Partial.of(s, steps, steps * 32L, 0.5 + seed, new double[] {0.25});
  }

  /** Adds partitions {@code order} one at a time into {@code groups} sums, then merges those. */
  private static Partial combine(int n, int[] order, int groups) {
    List<PairwiseSum> sums = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      sums.add(new PairwiseSum());
    }
    for (int i = 0; i < order.length; i++) {
      int p = order[i];
      sums.get(i % groups).add(p, replica(p, 3 + p % 2));
    }
    PairwiseSum all = new PairwiseSum();
    for (int g = groups - 1; g >= 0; g--) {
      all.merge(sums.get(g));
    }
    return all.total(n);
  }

  @Test
  void anyOrderAndGroupingGivesTheSameBits() {
    int n = 7;
    Partial reference = combine(n, new int[] {0, 1, 2, 3, 4, 5, 6}, 1);
    Rng rng = new Rng(3);
    for (int trial = 0; trial < 20; trial++) {
      int[] order = rng.permutation(n);
      Partial other = combine(n, order, 1 + trial % 3);
      for (int k = 0; k < reference.sums().length; k++) {
        assertArrayEquals(reference.sums()[k], other.sums()[k], "trial " + trial + ", array " + k);
      }
      assertEquals(reference.lossSum, other.lossSum);
      assertEquals(reference.steps, other.steps);
    }
  }

  @Test
  void oneReplicaAveragesToItsOwnStateExactly() {
    Partial one = new PairwiseSum().add(0, replica(9, 7)).total(1);
    float[] w = weights(9);
    for (int i = 0; i < w.length; i++) {
      float avg = (float) (one.sums()[0][i] / one.steps);
      assertEquals(Float.floatToIntBits(w[i]), Float.floatToIntBits(avg), "element " + i);
    }
  }

  @Test
  void aMissingOrRepeatedPartitionIsAnError() {
    PairwiseSum sum = new PairwiseSum().add(0, replica(1, 1)).add(2, replica(2, 1));
    assertThrows(IllegalStateException.class, () -> sum.total(3));
    assertThrows(IllegalStateException.class, () -> sum.add(2, replica(2, 1)));
  }
}
