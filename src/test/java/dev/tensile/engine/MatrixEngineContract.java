package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MatrixEngine} must meet, run once per engine by a subclass.
 *
 * <p>Each product is checked against a double-precision reference on inputs that are longer than
 * needed (their surplus is NaN, so reading it would show) and an output whose surplus must stay
 * untouched. Small integer inputs make every product exact, so there the result must equal the
 * reference bit for bit whatever the summation order.
 */
public abstract class MatrixEngineContract {
  /** Surplus elements past the matrices. */
  static final int EXTRA = 5;

  /** The value the output's surplus holds and must keep. */
  static final float SENTINEL = -123.25f;

  /** Shapes {m, k, n}: tiny, prime, around the vector widths, past the cache blocks. */
  static final int[][] SHAPES = {
    {1, 1, 1}, {1, 1, 7}, {7, 1, 1}, {1, 9, 1}, {2, 3, 4}, {3, 5, 2}, {5, 7, 3},
    {7, 13, 17}, {31, 37, 41}, {4, 8, 16}, {8, 16, 32}, {9, 17, 33}, {13, 29, 47},
    {17, 3, 48}, {6, 11, 49}, {5, 64, 64}, {11, 19, 65}, {33, 785, 101}, {32, 784, 100},
    {32, 100, 10}, {100, 32, 10}, {32, 10, 100}, {20, 100, 128}, {70, 300, 130},
    {67, 260, 97}, {65, 40, 530}, {3, 50, 60}, {1, 300, 200}, {129, 5, 3},
  };

  /**
   * Makes the engine under test.
   *
   * @return a fresh engine
   */
  protected abstract MatrixEngine engine();

  /** The three products, by the layout of their operands. */
  enum Op {
    MULT, TRANS_A, TRANS_B;

    int aSize(int m, int k) {
      return m * k;
    }

    int bSize(int k, int n) {
      return k * n;
    }

    void run(MatrixEngine e, float[] a, float[] b, float[] c, int m, int k, int n) {
      switch (this) {
        case MULT:
          e.mult(a, b, c, m, k, n);
          break;
        case TRANS_A:
          e.multTransA(a, b, c, m, k, n);
          break;
        default:
          e.multTransB(a, b, c, m, k, n);
      }
    }

    /** {@code op(A)[i][p]}. */
    float a(float[] a, int m, int k, int i, int p) {
      return this == TRANS_A ? a[p * m + i] : a[i * k + p];
    }

    /** {@code op(B)[p][j]}. */
    float b(float[] b, int k, int n, int p, int j) {
      return this == TRANS_B ? b[j * k + p] : b[p * n + j];
    }
  }

  @Test
  void randomInputsMatchTheDoubleReference() {
    checkEveryShape(new SplittableRandom(11), false);
  }

  @Test
  void smallIntegersGiveExactResults() {
    checkEveryShape(new SplittableRandom(12), true);
  }

  private void checkEveryShape(SplittableRandom random, boolean integers) {
    MatrixEngine e = engine();
    for (Op op : Op.values()) {
      for (int[] s : SHAPES) {
        checkProduct(e, op, s[0], s[1], s[2], random, integers);
      }
    }
  }

  @Test
  void everyWidthAroundTheVectorLength() {
    SplittableRandom random = new SplittableRandom(13);
    MatrixEngine e = engine();
    for (Op op : Op.values()) {
      for (int width = 1; width <= 40; width++) {
        checkProduct(e, op, 5, 7, width, random, true);
        checkProduct(e, op, width, 23, 9, random, true);
        checkProduct(e, op, 3, width, 29, random, true);
      }
    }
  }

  @Test
  void emptyInnerDimensionGivesZeros() {
    MatrixEngine e = engine();
    for (Op op : Op.values()) {
      float[] c = filled(3 * 4 + EXTRA, SENTINEL);
      Arrays.fill(c, 0, 12, 9f);
      op.run(e, new float[0], new float[0], c, 3, 0, 4);
      for (int i = 0; i < 12; i++) {
        assertEquals(0f, c[i], op + ": element " + i);
      }
      assertSurplusUntouched(c, 12, op + " k=0");
    }
  }

  @Test
  void emptyOutputTouchesNothing() {
    MatrixEngine e = engine();
    for (Op op : Op.values()) {
      float[] c = filled(EXTRA, SENTINEL);
      op.run(e, filled(10, 1f), filled(10, 1f), c, 0, 5, 2);
      op.run(e, filled(10, 1f), filled(10, 1f), c, 2, 5, 0);
      assertSurplusUntouched(c, 0, op + " empty output");
    }
  }

  @Test
  void outputAliasingAnInputIsRefused() {
    MatrixEngine e = engine();
    float[] a = filled(16, 1f);
    float[] b = filled(16, 1f);
    for (Op op : Op.values()) {
      assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, a, 4, 4, 4), op + " c=a");
      assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, b, 4, 4, 4), op + " c=b");
    }
  }

  @Test
  void shortArraysAndNegativeSizesAreRefused() {
    MatrixEngine e = engine();
    float[] a = filled(12, 1f);
    float[] b = filled(12, 1f);
    float[] c = filled(12, 1f);
    for (Op op : Op.values()) {
      IllegalArgumentException shortA =
          assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, c, 4, 4, 3));
      assertTrue(shortA.getMessage().contains("16"), shortA.getMessage());
      assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, c, 3, 4, 4), op + " c");
      assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, c, -1, 2, 2), op + " m");
      assertThrows(IllegalArgumentException.class, () -> op.run(e, a, b, c, 2, -2, 2), op + " k");
    }
  }

  @Test
  void engineHasAName() {
    assertTrue(engine().name().matches("[a-z]+"), engine().name());
  }

  /**
   * Runs one product on fresh random inputs and checks it against the double reference.
   *
   * @param e the engine
   * @param op the product
   * @param m rows of C
   * @param k the inner dimension
   * @param n columns of C
   * @param random the source of the inputs
   * @param integers small integers (exact results) or floats in [-1, 1)
   */
  static void checkProduct(
      MatrixEngine e, Op op, int m, int k, int n, SplittableRandom random, boolean integers) {
    float[] a = randomWithSurplus(op.aSize(m, k), random, integers);
    float[] b = randomWithSurplus(op.bSize(k, n), random, integers);
    float[] aCopy = a.clone();
    float[] bCopy = b.clone();
    float[] c = filled(m * n + EXTRA, SENTINEL);
    Arrays.fill(c, 0, m * n, Float.NaN);
    op.run(e, a, b, c, m, k, n);
    String where = e.name() + " " + op + " " + m + "x" + k + "x" + n;
    assertArrayEquals(aCopy, a, where + ": A modified");
    assertArrayEquals(bCopy, b, where + ": B modified");
    assertSurplusUntouched(c, m * n, where);
    double tolerance = integers ? 0 : 1e-5 * Math.sqrt(k);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double scale = 0;
        for (int p = 0; p < k; p++) {
          double t = (double) op.a(a, m, k, i, p) * op.b(b, k, n, p, j);
          sum += t;
          scale += Math.abs(t);
        }
        double error = Math.abs(c[i * n + j] - sum);
        if (!(error <= tolerance * scale)) {
          throw new AssertionError(
              where + ": c[" + i + "][" + j + "] = " + c[i * n + j] + ", expected " + sum);
        }
      }
    }
  }

  /**
   * Makes random matrix elements followed by NaN surplus.
   *
   * @param size elements of the matrix
   * @param random the source
   * @param integers whether to draw small integers instead of floats in [-1, 1)
   * @return an array of {@code size + EXTRA} floats
   */
  static float[] randomWithSurplus(int size, SplittableRandom random, boolean integers) {
    float[] x = filled(size + EXTRA, Float.NaN);
    for (int i = 0; i < size; i++) {
      x[i] = integers ? random.nextInt(-4, 5) : (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  static float[] filled(int size, float value) {
    float[] x = new float[size];
    Arrays.fill(x, value);
    return x;
  }

  private static void assertSurplusUntouched(float[] c, int used, String where) {
    for (int i = used; i < c.length; i++) {
      assertEquals(SENTINEL, c[i], where + ": surplus element " + i + " was written");
    }
  }
}
