package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {
  /** Row i of x holds (i, -i), so every output row says which input row it came from. */
  private static Tensor rowsNamed(int n) {
    float[] v = new float[2 * n];
    for (int i = 0; i < n; i++) {
      v[2 * i] = i;
      v[2 * i + 1] = -i;
    }
    return Tensor.wrap(v, n, 2);
  }

  private static int[] ids(Tensor x) {
    int[] out = new int[x.samples()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) x.data()[2 * i];
    }
    return out;
  }

  private static Tensor labels(int n, int classes) {
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
    }
    return Tensor.wrap(y, n);
  }

  private static void assertPartition(Split s, Tensor y, int n) {
    int[] all = new int[n];
    for (int id : ids(s.xTrain())) {
      all[id]++;
    }
    for (int id : ids(s.xTest())) {
      all[id]++;
    }
    int[] once = new int[n];
    Arrays.fill(once, 1);
    assertArrayEquals(once, all, "every row lands in exactly one set");
    int[] train = ids(s.xTrain());
    for (int i = 0; i < train.length; i++) {
      assertEquals(y.data()[train[i]], s.yTrain().data()[i], "y follows x");
      assertEquals(-train[i], s.xTrain().data()[2 * i + 1], "whole rows move");
    }
  }

  @Test
  void testCountIsTheCeilingOfTheFractionAsInScikitLearn() {
    assertEquals(12000, TrainTestSplit.testCount(0.2, 60000));
    assertEquals(3, TrainTestSplit.testCount(0.25, 10));
    assertEquals(1, TrainTestSplit.testCount(0.01, 10));
    assertEquals(4, TrainTestSplit.testCount(0.33, 10));
  }

  @Test
  void testRowsAreThePrefixOfTheSeededPermutation() {
    Tensor x = rowsNamed(10);
    Split s = TrainTestSplit.split(x, labels(10, 2), 0.25, 42);
    int[] perm = new Rng(42).permutation(10);
    assertArrayEquals(Arrays.copyOfRange(perm, 0, 3), ids(s.xTest()));
    assertArrayEquals(Arrays.copyOfRange(perm, 3, 10), ids(s.xTrain()));
    assertArrayEquals(new int[] {7, 2}, s.xTrain().shape());
    assertArrayEquals(new int[] {3}, s.yTest().shape());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Tensor x = rowsNamed(50);
    Tensor y = labels(50, 5);
    Split a = TrainTestSplit.split(x, y, 0.2, 7);
    Split b = TrainTestSplit.split(x, y, 0.2, 7);
    Split c = TrainTestSplit.split(x, y, 0.2, 8);
    assertArrayEquals(ids(a.xTest()), ids(b.xTest()));
    assertFalse(Arrays.equals(ids(a.xTest()), ids(c.xTest())));
    assertPartition(a, y, 50);
  }

  @Test
  void anIntIsAnAbsoluteTestCount() {
    Tensor y = labels(20, 2);
    Split s = TrainTestSplit.split(rowsNamed(20), y, 6, 1);
    assertEquals(6, s.xTest().samples());
    assertEquals(14, s.yTrain().samples());
    assertPartition(s, y, 20);
  }

  @Test
  void stratifiedKeepsEachClassShare() {
    Tensor y = labels(100, 10);
    Split s = TrainTestSplit.splitStratified(rowsNamed(100), y, 0.2, 42);
    int[] perClass = new int[10];
    for (float label : s.yTest().data()) {
      perClass[(int) label]++;
    }
    int[] two = new int[10];
    Arrays.fill(two, 2);
    assertArrayEquals(two, perClass);
    assertPartition(s, y, 100);
    assertFalse(
        Arrays.equals(
            new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.copyOf(s.yTest().data(), 10)),
        "classes are shuffled together");
  }

  @Test
  void stratifiedSharesTheRemainderToTheLargestRemainders() {
    // Classes of 6, 3 and 3 samples, 5 test rows: exact shares 2.5, 1.25, 1.25 -> 3, 1, 1.
    Tensor y = Tensor.of(new float[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, 12);
    Split s = TrainTestSplit.splitStratified(rowsNamed(12), y, 5, 3);
    int[] perClass = new int[3];
    for (float label : s.yTest().data()) {
      perClass[(int) label]++;
    }
    assertArrayEquals(new int[] {3, 1, 1}, perClass);
    assertPartition(s, y, 12);
  }

  @Test
  void argumentsAreValidated() {
    Tensor x = rowsNamed(10);
    Tensor y = labels(10, 2);
    for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(x, y, bad, 1));
      assertTrue(e.getMessage().contains("got " + bad), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(x, y, 0.95, 1));
    assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(x, y, 0, 1));
    IllegalArgumentException count =
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.split(x, y, 10, 1));
    assertEquals("testCount must be in 1..9 for 10 samples, got 10", count.getMessage());
    IllegalArgumentException mismatch =
        assertThrows(
            IllegalArgumentException.class, () -> TrainTestSplit.split(x, labels(9, 2), 0.2, 1));
    assertTrue(mismatch.getMessage().startsWith("x has 10 samples (10, 2) but y has 9"));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainTestSplit.split(rowsNamed(1), labels(1, 1), 0.5, 1));
  }

  @Test
  void stratifiedArgumentsAreValidated() {
    Tensor x = rowsNamed(10);
    IllegalArgumentException single =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainTestSplit.splitStratified(x, labels(10, 6), 0.5, 1));
    assertTrue(single.getMessage().contains("only 1 sample"), single.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainTestSplit.splitStratified(x, labels(10, 5), 0.1, 1),
        "1 test row cannot hold 5 classes");
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainTestSplit.splitStratified(x, labels(10, 2).add(0.5f), 0.2, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainTestSplit.splitStratified(x, rowsNamed(10), 0.2, 1));
  }
}
