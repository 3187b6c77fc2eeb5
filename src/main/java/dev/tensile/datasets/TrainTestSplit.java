package dev.tensile.datasets;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Splits samples into a training and a test set at random, as scikit-learn's {@code
 * train_test_split(x, y, test_size=..., random_state=...)} does.
 *
 * <p>The test set holds {@code ceil(testSize * n)} samples when {@code testSize} is a fraction, or
 * exactly {@code testCount} when it is a count; the training set holds the rest. {@link
 * #split(Tensor, Tensor, double, long)} draws one permutation of {@code 0 .. n-1} from {@link Rng}
 * seeded with {@code seed}: its first test-count entries are the test rows, the others the training
 * rows, both in permutation order. The same seed gives the same split on every platform; the rows
 * differ from scikit-learn's, whose generator is NumPy's.
 *
 * <p>{@link #splitStratified(Tensor, Tensor, double, long)} keeps each class's share in both sets:
 * class {@code c} with {@code n_c} samples gets {@code n_test * n_c / n} test rows, rounded down,
 * and the rows still missing go to the classes with the largest remainders (ties to the larger
 * class, then the smaller label). Each class's rows are shuffled before they are shared out, and
 * each set is shuffled at the end, so classes are interleaved.
 *
 * <p>Rows are copied: the inputs are not modified and the outputs share nothing with them.
 */
public final class TrainTestSplit {
  private TrainTestSplit() {}

  /**
   * Splits with a test fraction: {@code split(x, y, 0.2, 42)} is {@code train_test_split(x, y,
   * test_size=0.2, random_state=42)}.
   *
   * @param x the inputs, samples on the first axis
   * @param y the targets, as many samples as {@code x}
   * @param testSize the fraction of samples for the test set, in (0, 1)
   * @param seed the seed of the shuffle
   * @return the four parts, in scikit-learn's order
   * @throws IllegalArgumentException if the sample counts differ, {@code testSize} is outside (0,
   *     1), or either set would be empty
   */
  public static Split split(Tensor x, Tensor y, double testSize, long seed) {
    return split(x, y, n -> testCount(testSize, n), false, seed);
  }

  /**
   * Splits with a test count: {@code split(x, y, 100, 42)} is {@code train_test_split(x, y,
   * test_size=100, random_state=42)}.
   *
   * @param x the inputs, samples on the first axis
   * @param y the targets, as many samples as {@code x}
   * @param testCount the number of test samples, in {@code 1 .. n-1}
   * @param seed the seed of the shuffle
   * @return the four parts, in scikit-learn's order
   * @throws IllegalArgumentException if the sample counts differ or {@code testCount} is outside
   *     {@code 1 .. n-1}
   */
  public static Split split(Tensor x, Tensor y, int testCount, long seed) {
    return split(x, y, n -> checkCount(testCount, n), false, seed);
  }

  /**
   * Splits with a test fraction, keeping each class's share: {@code train_test_split(x, y,
   * test_size=testSize, random_state=seed, stratify=y)}.
   *
   * @param x the inputs, samples on the first axis
   * @param y the class labels, shape {@code (n,)}, whole numbers
   * @param testSize the fraction of samples for the test set, in (0, 1)
   * @param seed the seed of the shuffles
   * @return the four parts, in scikit-learn's order
   * @throws IllegalArgumentException as {@link #split(Tensor, Tensor, double, long)} does, and if
   *     {@code y} is not a vector of whole numbers, a class has fewer than 2 samples, or a set
   *     would have fewer rows than there are classes
   */
  public static Split splitStratified(Tensor x, Tensor y, double testSize, long seed) {
    return split(x, y, n -> testCount(testSize, n), true, seed);
  }

  /**
   * Splits with a test count, keeping each class's share.
   *
   * @param x the inputs, samples on the first axis
   * @param y the class labels, shape {@code (n,)}, whole numbers
   * @param testCount the number of test samples, in {@code 1 .. n-1}
   * @param seed the seed of the shuffles
   * @return the four parts, in scikit-learn's order
   * @throws IllegalArgumentException as {@link #splitStratified(Tensor, Tensor, double, long)}
   */
  public static Split splitStratified(Tensor x, Tensor y, int testCount, long seed) {
    return split(x, y, n -> checkCount(testCount, n), true, seed);
  }

  /**
   * The one way every variant splits: check the inputs, size the test set, choose its rows, copy.
   *
   * @param testCountOf gives the test count for the number of samples, checking it
   * @param stratify true to keep each class's share
   */
  private static Split split(
      Tensor x, Tensor y, IntUnaryOperator testCountOf, boolean stratify, long seed) {
    int n = samples(x, y);
    int testCount = testCountOf.applyAsInt(n);
    int[][] testAndTrain = stratify ? stratified(y, testCount, seed) : shuffled(n, testCount, seed);
    return new Split(
        x.rows(testAndTrain[1]), x.rows(testAndTrain[0]),
        y.rows(testAndTrain[1]), y.rows(testAndTrain[0]));
  }

  /**
   * Returns scikit-learn's test count for a fraction: {@code ceil(testSize * n)}.
   *
   * @param testSize a fraction in (0, 1)
   * @param n the number of samples
   * @return the number of test samples
   * @throws IllegalArgumentException if the fraction is outside (0, 1) or leaves a set empty
   */
  static int testCount(double testSize, int n) {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException(
          "testSize must be a fraction in (0, 1), or an int count, got " + testSize);
    }
    int count = (int) Math.ceil(testSize * n);
    if (count >= n) {
      throw new IllegalArgumentException(
          "testSize " + testSize + " of " + n + " samples leaves the training set empty");
    }
    return count;
  }

  private static int checkCount(int testCount, int n) {
    if (testCount < 1 || testCount >= n) {
      throw new IllegalArgumentException(
          "testCount must be in 1.." + (n - 1) + " for " + n + " samples, got " + testCount);
    }
    return testCount;
  }

  private static int samples(Tensor x, Tensor y) {
    if (x.rank() == 0 || y.rank() == 0) {
      throw new IllegalArgumentException(
          "x and y need a sample axis, got shapes " + x.shapeString() + " and " + y.shapeString());
    }
    if (x.samples() != y.samples()) {
      throw new IllegalArgumentException(
          "x has "
              + x.samples()
              + " samples "
              + x.shapeString()
              + " but y has "
              + y.samples()
              + " "
              + y.shapeString()
              + "; they must match");
    }
    if (x.samples() < 2) {
      throw new IllegalArgumentException("splitting needs at least 2 samples, got " + x.samples());
    }
    return x.samples();
  }

  /** Returns {test rows, training rows}. */
  private static int[][] shuffled(int n, int testCount, long seed) {
    int[] order = new Rng(seed).permutation(n);
    return new int[][] {
      Arrays.copyOfRange(order, 0, testCount), Arrays.copyOfRange(order, testCount, n)
    };
  }

  /** Returns {test rows, training rows}, each class sharing the test rows in proportion. */
  private static int[][] stratified(Tensor y, int testCount, long seed) {
    TreeMap<Integer, List<Integer>> byClass = classes(y);
    int n = y.samples();
    if (testCount < byClass.size() || n - testCount < byClass.size()) {
      throw new IllegalArgumentException(
          "a stratified split of "
              + n
              + " samples into "
              + testCount
              + " test and "
              + (n - testCount)
              + " training rows needs at least as many rows in each set as there are classes ("
              + byClass.size()
              + ")");
    }
    List<List<Integer>> members = new ArrayList<>(byClass.values());
    int[] share = shares(members, testCount, n);
    Rng rng = new Rng(seed);
    int[] test = new int[testCount];
    int[] train = new int[n - testCount];
    int t = 0;
    int r = 0;
    for (int c = 0; c < members.size(); c++) {
      int[] rows = members.get(c).stream().mapToInt(Integer::intValue).toArray();
      rng.shuffle(rows);
      for (int i = 0; i < rows.length; i++) {
        if (i < share[c]) {
          test[t++] = rows[i];
        } else {
          train[r++] = rows[i];
        }
      }
    }
    rng.shuffle(test);
    rng.shuffle(train);
    return new int[][] {test, train};
  }

  /** Largest-remainder shares of {@code testCount} in proportion to each class's size. */
  private static int[] shares(List<List<Integer>> members, int testCount, int n) {
    int k = members.size();
    int[] share = new int[k];
    long[] remainder = new long[k];
    int given = 0;
    for (int c = 0; c < k; c++) {
      long exact = (long) testCount * members.get(c).size();
      share[c] = (int) (exact / n);
      remainder[c] = exact % n;
      given += share[c];
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) ->
            remainder[a] != remainder[b]
                ? Long.compare(remainder[b], remainder[a])
                : members.get(a).size() != members.get(b).size()
                    ? Integer.compare(members.get(b).size(), members.get(a).size())
                    : Integer.compare(a, b));
    for (int i = 0; given < testCount; i++) {
      share[order[i]]++;
      given++;
    }
    return share;
  }

  private static TreeMap<Integer, List<Integer>> classes(Tensor y) {
    if (y.rank() != 1) {
      throw new IllegalArgumentException(
          "a stratified split needs class labels of shape (n,), got " + y.shapeString());
    }
    float[] labels = y.data();
    TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      float v = labels[i];
      if (v != Math.rint(v) || Math.abs(v) > 1 << 24) {
        throw new IllegalArgumentException(
            "a stratified split needs whole-number class labels, got " + v + " at index " + i);
      }
      byClass.computeIfAbsent((int) v, c -> new ArrayList<>()).add(i);
    }
    for (var e : byClass.entrySet()) {
      if (e.getValue().size() < 2) {
        throw new IllegalArgumentException(
            "class "
                + e.getKey()
                + " has only "
                + e.getValue().size()
                + " sample; a stratified split needs at least 2 per class");
      }
    }
    return byClass;
  }
}
