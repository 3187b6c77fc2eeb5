package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Elementwise}, run once per implementation by a subclass: every kernel
 * against the plain loop of its formula written out here, bit for bit where the formula fixes the
 * arithmetic order, and within a stated tolerance where it does not ({@code exp}, {@code tanh}, the
 * sum of squares). Sizes cover empty arrays, sizes around the vector widths and long arrays with a
 * remainder, so vector bodies and scalar tails are both exercised.
 */
public abstract class ElementwiseContract {
  /** Element counts: empty, tiny, around 8 and 16 floats, and long with a remainder. */
  static final int[] SIZES = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1027, 78_500};

  /** The largest difference allowed for the float-lane exp and tanh, in ulps of the reference. */
  static final float TRANSCENDENTAL_ULPS = 2;

  /** Relative tolerance of the sum of squares, whose order of additions is free. */
  static final double SUM_RELATIVE = 1e-5;

  /**
   * Returns the kernels under test.
   *
   * @return the implementation
   */
  protected abstract Elementwise kernels();

  private final SplittableRandom random = new SplittableRandom(42);

  private float[] values(int n, double scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return x;
  }

  private float[] positives(int n) {
    float[] x = values(n, 1);
    for (int i = 0; i < n; i++) {
      x[i] = x[i] * x[i];
    }
    return x;
  }

  @Test
  void sgdMatchesItsFormula() {
    for (int n : SIZES) {
      float[] w = values(n, 1);
      float[] g = values(n, 1);
      float[] expected = w.clone();
      for (int i = 0; i < n; i++) {
        expected[i] -= 0.01f * g[i];
      }
      kernels().sgd(w, g, 0.01f);
      assertArrayEquals(expected, w, "n=" + n);
    }
  }

  @Test
  void sgdMomentumMatchesItsFormulaWithAndWithoutNesterov() {
    for (boolean nesterov : new boolean[] {false, true}) {
      for (int n : SIZES) {
        float[] w = values(n, 1);
        float[] g = values(n, 1);
        float[] v = values(n, 0.1);
        float[] ew = w.clone();
        float[] ev = v.clone();
        for (int i = 0; i < n; i++) {
          ev[i] = 0.9f * ev[i] - 0.05f * g[i];
          ew[i] += nesterov ? 0.9f * ev[i] - 0.05f * g[i] : ev[i];
        }
        kernels().sgdMomentum(w, g, v, 0.05f, 0.9f, nesterov);
        assertArrayEquals(ev, v, "velocity, n=" + n + ", nesterov " + nesterov);
        assertArrayEquals(ew, w, "weights, n=" + n + ", nesterov " + nesterov);
      }
    }
  }

  @Test
  void adamMatchesItsFormulaWithAndWithoutAmsgrad() {
    AdamRule rule = new AdamRule(0.9f, 0.999f, 1e-7f);
    for (boolean amsgrad : new boolean[] {false, true}) {
      for (int n : SIZES) {
        float[] w = values(n, 1);
        float[] g = values(n, 1);
        float[] m = values(n, 0.1);
        float[] v = positives(n);
        float[] vMax = amsgrad ? positives(n) : null;
        float[] ew = w.clone();
        float[] em = m.clone();
        float[] ev = v.clone();
        float[] eMax = amsgrad ? vMax.clone() : null;
        float alpha = 3e-3f;
        for (int i = 0; i < n; i++) {
          em[i] += (g[i] - em[i]) * (1f - 0.9f);
          ev[i] += (g[i] * g[i] - ev[i]) * (1f - 0.999f);
          float second = ev[i];
          if (amsgrad) {
            eMax[i] = Math.max(eMax[i], ev[i]);
            second = eMax[i];
          }
          ew[i] -= alpha * em[i] / ((float) Math.sqrt(second) + 1e-7f);
        }
        kernels().adam(rule, alpha, w, g, m, v, vMax);
        String where = "n=" + n + ", amsgrad " + amsgrad;
        assertArrayEquals(em, m, "m, " + where);
        assertArrayEquals(ev, v, "v, " + where);
        if (amsgrad) {
          assertArrayEquals(eMax, vMax, "vMax, " + where);
        }
        assertArrayEquals(ew, w, "w, " + where);
      }
    }
  }

  @Test
  void rmspropMatchesItsFormulaInEveryVariant() {
    for (float mu : new float[] {0f, 0.5f}) {
      for (boolean centered : new boolean[] {false, true}) {
        RmspropRule rule = new RmspropRule(0.9f, mu, 1e-7f);
        for (int n : SIZES) {
          float[] w = values(n, 1);
          float[] g = values(n, 1);
          float[] v = positives(n);
          float[] s = mu > 0 ? values(n, 0.1) : null;
          // a small mean gradient keeps v - a^2 positive
          float[] a = centered ? values(n, 0.01) : null;
          float[] ew = w.clone();
          float[] ev = v.clone();
          float[] es = s == null ? null : s.clone();
          float[] ea = a == null ? null : a.clone();
          for (int i = 0; i < n; i++) {
            ev[i] = 0.9f * ev[i] + (1f - 0.9f) * g[i] * g[i];
            float d = ev[i];
            if (centered) {
              ea[i] = 0.9f * ea[i] + (1f - 0.9f) * g[i];
              d -= ea[i] * ea[i];
            }
            float step = 0.01f * g[i] / (float) Math.sqrt(d + 1e-7f);
            if (es != null) {
              es[i] = mu * es[i] + step;
              step = es[i];
            }
            ew[i] -= step;
          }
          kernels().rmsprop(rule, 0.01f, w, g, v, s, a);
          String where = "n=" + n + ", momentum " + mu + ", centered " + centered;
          assertArrayEquals(ev, v, "v, " + where);
          if (s != null) {
            assertArrayEquals(es, s, "s, " + where);
          }
          if (a != null) {
            assertArrayEquals(ea, a, "a, " + where);
          }
          assertArrayEquals(ew, w, "w, " + where);
        }
      }
    }
  }

  /**
   * Slot values around {@link Elementwise#SLOT_FLOOR} and in the subnormal range, both signs, in
   * every lane of the vector body and of the tail.
   */
  private float[] slotsNearTheFloor(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      float magnitude =
          i % 3 == 0
              ? Float.MIN_VALUE * (1 + i)
              : Elementwise.SLOT_FLOOR * (float) (0.5 + (i % 7) * 0.25);
      x[i] = i % 2 == 0 ? magnitude : -magnitude;
    }
    return x;
  }

  private static float floored(float x) {
    return Math.abs(x) < Elementwise.SLOT_FLOOR ? 0f : x;
  }

  private static void assertNormalOrZero(float[] slots, String what) {
    for (int i = 0; i < slots.length; i++) {
      float x = slots[i];
      if (x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        throw new AssertionError(what + "[" + i + "] is subnormal: " + x);
      }
    }
  }

  @Test
  void optimizerSlotsBelowTheFloorBecomeZeroAndStayNormal() {
    for (int n : SIZES) {
      float[] g = new float[n];
      // Adam, with a zero gradient: m = 0.9 m and v = 0.999 v, floored
      float[] m = slotsNearTheFloor(n);
      float[] v = slotsNearTheFloor(n);
      for (int i = 0; i < n; i++) {
        v[i] = Math.abs(v[i]);
      }
      float[] em = m.clone();
      float[] ev = v.clone();
      for (int i = 0; i < n; i++) {
        em[i] = floored(em[i] + (0f - em[i]) * (1f - 0.9f));
        ev[i] = floored(ev[i] + (0f - ev[i]) * (1f - 0.999f));
      }
      kernels().adam(new AdamRule(0.9f, 0.999f, 1e-7f), 1e-3f, new float[n], g, m, v, null);
      assertArrayEquals(em, m, "Adam m, n=" + n);
      assertArrayEquals(ev, v, "Adam v, n=" + n);
      // RMSprop, centered with momentum: v, a and s
      float[] rv = slotsNearTheFloor(n);
      float[] ra = slotsNearTheFloor(n);
      float[] rs = slotsNearTheFloor(n);
      for (int i = 0; i < n; i++) {
        rv[i] = Math.abs(rv[i]) + 1f; // keeps v - a a positive
      }
      float[] ea = ra.clone();
      float[] es = rs.clone();
      for (int i = 0; i < n; i++) {
        ea[i] = floored(0.9f * ea[i] + (1f - 0.9f) * 0f);
        es[i] = floored(0.5f * es[i] + 0f);
      }
      kernels().rmsprop(new RmspropRule(0.9f, 0.5f, 1e-7f), 1e-3f, new float[n], g, rv, rs, ra);
      assertArrayEquals(ea, ra, "RMSprop a, n=" + n);
      assertArrayEquals(es, rs, "RMSprop s, n=" + n);
      // SGD with momentum: the velocity
      float[] velocity = slotsNearTheFloor(n);
      float[] evel = velocity.clone();
      for (int i = 0; i < n; i++) {
        evel[i] = floored(0.9f * evel[i] - 0.01f * 0f);
      }
      kernels().sgdMomentum(new float[n], g, velocity, 0.01f, 0.9f, false);
      assertArrayEquals(evel, velocity, "SGD velocity, n=" + n);
      for (float[] slots : new float[][] {m, v, ra, rs, velocity}) {
        assertNormalOrZero(slots, "slot, n=" + n);
      }
    }
  }

  @Test
  void addIntoAddsOneRunAndNothingElse() {
    for (int n : SIZES) {
      float[] src = values(n + 5, 1);
      float[] dst = values(n + 9, 1);
      float[] expected = dst.clone();
      for (int i = 0; i < n; i++) {
        expected[4 + i] += src[2 + i];
      }
      kernels().addInto(src, 2, dst, 4, n);
      assertArrayEquals(expected, dst, "n=" + n);
    }
  }

  @Test
  void addToRowsReluIsAddToRowsThenReluOnTheRowsGiven() {
    for (int width : new int[] {1, 7, 16, 33, 64}) {
      int rows = 6;
      float[] x = values(rows * width, 1);
      float[] b = values(width, 1);
      float[] expected = x.clone();
      for (int r = 1; r < 5; r++) {
        for (int j = 0; j < width; j++) {
          expected[r * width + j] = Math.max(expected[r * width + j] + b[j], 0f);
        }
      }
      kernels().addToRowsRelu(x, b, 1, 5, width);
      assertArrayEquals(expected, x, "width " + width);
    }
  }

  @Test
  void reluBackwardRangeTouchesOnlyItsRange() {
    for (int n : SIZES) {
      float[] y = values(n + 40, 1);
      float[] dy = values(n + 40, 1);
      float[] dz = values(n + 40, 1);
      float[] expected = dz.clone();
      for (int i = 19; i < 19 + n; i++) {
        expected[i] = y[i] > 0f ? dy[i] : 0f;
      }
      kernels().reluBackwardRange(y, dy, dz, 19, 19 + n);
      assertArrayEquals(expected, dz, "n=" + n);
    }
  }

  @Test
  void adagradMatchesItsFormula() {
    for (int n : SIZES) {
      float[] w = values(n, 1);
      float[] g = values(n, 1);
      float[] acc = positives(n);
      float[] ew = w.clone();
      float[] ea = acc.clone();
      for (int i = 0; i < n; i++) {
        ea[i] += g[i] * g[i];
        ew[i] -= 0.02f * g[i] / (float) Math.sqrt(ea[i] + 1e-7f);
      }
      kernels().adagrad(w, g, acc, 0.02f, 1e-7f);
      assertArrayEquals(ea, acc, "accumulator, n=" + n);
      assertArrayEquals(ew, w, "w, n=" + n);
    }
  }

  @Test
  void sumOfSquaresIsWithinItsToleranceAndReadsOnlyN() {
    for (int n : SIZES) {
      float[] x = values(n + 3, 2);
      x[n] = Float.NaN;
      double expected = 0;
      for (int i = 0; i < n; i++) {
        expected += (double) x[i] * x[i];
      }
      double got = kernels().sumOfSquares(x, n);
      assertEquals(expected, got, expected * SUM_RELATIVE, "n=" + n);
      assertEquals(got, kernels().sumOfSquares(x, n), 0.0, "deterministic, n=" + n);
    }
  }

  @Test
  void scaleScaleIntoAndClipMatchTheirFormulas() {
    for (int n : SIZES) {
      float[] x = values(n + 2, 3);
      float[] scaled = x.clone();
      float[] into = new float[n + 2];
      float[] clipped = x.clone();
      float[] es = x.clone();
      float[] ei = new float[n + 2];
      float[] ec = x.clone();
      for (int i = 0; i < n; i++) {
        es[i] *= 0.37f;
        ei[i] = x[i] * 0.37f;
        ec[i] = Math.min(Math.max(ec[i], -1.5f), 1.5f);
      }
      kernels().scale(scaled, n, 0.37f);
      kernels().scaleInto(x, 0.37f, into, n);
      kernels().clip(clipped, n, 1.5f);
      assertArrayEquals(es, scaled, "scale, n=" + n);
      assertArrayEquals(ei, into, "scaleInto, n=" + n);
      assertArrayEquals(ec, clipped, "clip, n=" + n);
    }
  }

  @Test
  void columnSumsOfABlockInsideArraysTouchOnlyTheirSlots() {
    int[][] shapes = {{1, 1}, {784, 32}, {196, 64}, {7, 16}, {3, 37}, {0, 5}, {5, 100}};
    for (int[] s : shapes) {
      int rows = s[0];
      int width = s[1];
      int from = 13;
      int at = 5;
      float[] x = values(from + rows * width + 3, 2);
      if (x.length > from) {
        x[from] = -0f;
      }
      float[] sums = new float[at + width + 4];
      java.util.Arrays.fill(sums, Float.NaN);
      float[] expected = sums.clone();
      for (int j = 0; j < width; j++) {
        float sum = 0f;
        for (int r = 0; r < rows; r++) {
          sum += x[from + r * width + j];
        }
        expected[at + j] = sum;
      }
      kernels().columnSums(x, from, rows, width, sums, at);
      assertArrayEquals(expected, sums, "column sums of a block " + rows + "x" + width);
    }
  }

  @Test
  void biasAdditionAndColumnSumsMatchTheirLoops() {
    int[][] shapes = {{1, 1}, {3, 7}, {32, 10}, {32, 100}, {5, 16}, {4, 33}, {17, 784}, {0, 5}};
    for (int[] s : shapes) {
      int rows = s[0];
      int width = s[1];
      float[] x = values(rows * width + 4, 1);
      float[] b = values(width, 1);
      float[] expected = x.clone();
      float[] sums = new float[width];
      java.util.Arrays.fill(sums, Float.NaN);
      float[] expectedSums = new float[width];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < width; j++) {
          expectedSums[j] += x[r * width + j];
          expected[r * width + j] += b[j];
        }
      }
      kernels().columnSums(x, sums, rows, width);
      kernels().addToRows(x, b, rows, width);
      assertArrayEquals(expectedSums, sums, "column sums " + rows + "x" + width);
      assertArrayEquals(expected, x, "bias " + rows + "x" + width);
    }
  }

  @Test
  void reluAndItsDerivativeMatchTheirFormulasIncludingZerosAndNan() {
    for (int n : SIZES) {
      float[] z = values(n, 1);
      if (n > 2) {
        z[0] = -0f;
        z[1] = 0f;
        z[2] = Float.NaN;
      }
      float[] dy = values(n, 1);
      float[] ey = new float[n];
      float[] edz = new float[n];
      for (int i = 0; i < n; i++) {
        ey[i] = Math.max(z[i], 0f);
        edz[i] = ey[i] > 0f ? dy[i] : 0f;
      }
      float[] y = new float[n];
      float[] dz = new float[n];
      kernels().relu(z, y, n);
      kernels().reluBackward(y, dy, dz, n);
      assertArrayEquals(ey, y, "relu, n=" + n);
      assertArrayEquals(edz, dz, "relu derivative, n=" + n);
      kernels().relu(z, z, n);
      assertArrayEquals(ey, z, "relu in place, n=" + n);
    }
  }

  @Test
  void sigmoidAndTanhAreWithinTwoUlpsAndTheirDerivativesExact() {
    for (int n : SIZES) {
      float[] z = values(n, 12);
      float[] dy = values(n, 1);
      float[] sig = new float[n];
      float[] tanh = new float[n];
      kernels().sigmoid(z, sig, n);
      kernels().tanh(z, tanh, n);
      for (int i = 0; i < n; i++) {
        float es = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        float et = (float) Math.tanh(z[i]);
        assertEquals(es, sig[i], TRANSCENDENTAL_ULPS * Math.ulp(es), "sigmoid(" + z[i] + ")");
        assertEquals(et, tanh[i], TRANSCENDENTAL_ULPS * Math.ulp(et), "tanh(" + z[i] + ")");
      }
      float[] eds = new float[n];
      float[] edt = new float[n];
      for (int i = 0; i < n; i++) {
        eds[i] = dy[i] * sig[i] * (1f - sig[i]);
        edt[i] = dy[i] * (1f - tanh[i] * tanh[i]);
      }
      float[] ds = new float[n];
      float[] dt = new float[n];
      kernels().sigmoidBackward(sig, dy, ds, n);
      kernels().tanhBackward(tanh, dy, dt, n);
      assertArrayEquals(eds, ds, "sigmoid derivative, n=" + n);
      assertArrayEquals(edt, dt, "tanh derivative, n=" + n);
    }
  }

  /** One optimizer kernel, over the whole arrays or over a range of them. */
  private interface RangeUpdate {
    void run(float[][] arrays, int from, int to);
  }

  /**
   * Each optimizer kernel's range variant changes exactly the range, to the bits the whole-array
   * kernel gives there: a range that starts and ends off the vector widths, and an empty one.
   */
  @Test
  void optimizerRangesMatchTheWholeUpdateInsideAndLeaveTheRestAlone() {
    AdamRule adam = new AdamRule(0.9f, 0.999f, 1e-7f);
    RmspropRule rmsprop = new RmspropRule(0.9f, 0.5f, 1e-7f);
    List<RangeUpdate> kernels = List.of(
        (a, from, to) -> kernels().sgdRange(a[0], a[1], 0.01f, from, to),
        (a, from, to) -> kernels().sgdMomentumRange(a[0], a[1], a[2], 0.01f, 0.9f, true, from, to),
        (a, from, to) -> kernels().adamRange(adam, 1e-3f, a[0], a[1], a[2], a[3], a[4], from, to),
        (a, from, to) -> kernels().rmspropRange(rmsprop, 1e-3f, a[0], a[1], a[2], a[3], a[4], from,
            to),
        (a, from, to) -> kernels().adagradRange(a[0], a[1], a[2], 0.02f, 1e-7f, from, to));
    int n = 1027;
    for (int k = 0; k < kernels.size(); k++) {
      for (int[] range : new int[][] {{5, 1000}, {17, 17}, {0, n}}) {
        float[][] start = {values(n, 1), values(n, 1), positives(n), positives(n), positives(n)};
        float[][] whole = copy(start);
        kernels.get(k).run(whole, 0, n);
        float[][] part = copy(start);
        kernels.get(k).run(part, range[0], range[1]);
        for (int a = 0; a < start.length; a++) {
          for (int i = 0; i < n; i++) {
            float expected = i >= range[0] && i < range[1] ? whole[a][i] : start[a][i];
            assertEquals(expected, part[a][i], "kernel " + k + ", array " + a + ", element " + i
                + ", range " + range[0] + ".." + range[1]);
          }
        }
      }
    }
  }

  private static float[][] copy(float[][] arrays) {
    float[][] c = new float[arrays.length][];
    for (int i = 0; i < arrays.length; i++) {
      c[i] = arrays[i].clone();
    }
    return c;
  }
}
