package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.AdamRule;
import dev.tensile.engine.Elementwise;
import dev.tensile.engine.RmspropRule;
import dev.tensile.engine.ScalarElementwise;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The element-wise kernels in the Vector API: {@code L} floats per operation, the same species as
 * the products, the last {@code n mod L} elements (or columns) by the portable loops.
 *
 * <p>Lane-wise adds, multiplies, divisions, square roots, minima and maxima are rounded exactly as
 * their scalar counterparts, and each formula is evaluated in the portable kernels' order, so the
 * results are bit-identical to {@link ScalarElementwise}'s, except where {@link
 * dev.tensile.engine.Elementwise} says otherwise: the sigmoid and tanh ({@code exp} and {@code
 * tanh} in float lanes) and the sum of squares (summed in float lanes, 64 vectors at a time, then
 * in double).
 */
final class VectorElementwise extends ScalarElementwise {
  /** The engine's kernels. */
  static final VectorElementwise INSTANCE = new VectorElementwise();

  /** Vectors summed in float lanes before the partial sum moves to double. */
  private static final int SUM_BLOCK = 64 * L;

  private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

  private static final FloatVector ZERO = FloatVector.zero(SPECIES);

  /** {@link #flushTiny(float)} lane by lane: zero where the magnitude is below the floor. */
  private static FloatVector flushTiny(FloatVector x) {
    return x.blend(ZERO, x.abs().compare(VectorOperators.LT, Elementwise.SLOT_FLOOR));
  }

  private VectorElementwise() {}

  @Override
  public void sgdRange(float[] w, float[] g, float learningRate, int from, int to) {
    int upper = from + SPECIES.loopBound(to - from);
    for (int i = from; i < upper; i += L) {
      FloatVector wi = FloatVector.fromArray(SPECIES, w, i);
      wi.sub(FloatVector.fromArray(SPECIES, g, i).mul(learningRate)).intoArray(w, i);
    }
    sgd(w, g, learningRate, upper, to);
  }

  @Override
  public void sgdMomentumRange(float[] w, float[] g, float[] velocity, float learningRate,
      float momentum, boolean nesterov, int from, int to) {
    int upper = from + SPECIES.loopBound(to - from);
    for (int i = from; i < upper; i += L) {
      FloatVector step = FloatVector.fromArray(SPECIES, g, i).mul(learningRate);
      // v = mu v - lr g
      FloatVector v =
          flushTiny(FloatVector.fromArray(SPECIES, velocity, i).mul(momentum).sub(step));
      v.intoArray(velocity, i);
      // w = w + v, or w + (mu v - lr g) for Nesterov
      FloatVector change = nesterov ? v.mul(momentum).sub(step) : v;
      FloatVector.fromArray(SPECIES, w, i).add(change).intoArray(w, i);
    }
    sgdMomentum(w, g, velocity, learningRate, momentum, nesterov, upper, to);
  }

  @Override
  public void adamRange(AdamRule rule, float alpha, float[] w, float[] g, float[] m, float[] v,
      float[] vMax, int from, int to) {
    float mRate = 1f - rule.beta1();
    float vRate = 1f - rule.beta2();
    float eps = rule.epsilon();
    int upper = from + SPECIES.loopBound(to - from);
    for (int i = from; i < upper; i += L) {
      FloatVector gi = FloatVector.fromArray(SPECIES, g, i);
      // m = m + (g - m)(1 - beta_1)
      FloatVector mi = FloatVector.fromArray(SPECIES, m, i);
      mi = flushTiny(mi.add(gi.sub(mi).mul(mRate)));
      mi.intoArray(m, i);
      // v = v + (g g - v)(1 - beta_2)
      FloatVector vi = FloatVector.fromArray(SPECIES, v, i);
      vi = flushTiny(vi.add(gi.mul(gi).sub(vi).mul(vRate)));
      vi.intoArray(v, i);
      if (vMax != null) {
        // vMax = max(vMax, v)
        vi = FloatVector.fromArray(SPECIES, vMax, i).max(vi);
        vi.intoArray(vMax, i);
      }
      // w = w - (alpha m) / (sqrt(v) + eps)
      FloatVector wi = FloatVector.fromArray(SPECIES, w, i);
      wi.sub(mi.mul(alpha).div(vi.sqrt().add(eps))).intoArray(w, i);
    }
    adam(rule, alpha, w, g, m, v, vMax, upper, to);
  }

  @Override
  public void rmspropRange(RmspropRule rule, float learningRate, float[] w, float[] g, float[] v,
      float[] s, float[] a, int from, int to) {
    float rho = rule.rho();
    float rest = 1f - rho;
    float mu = rule.momentum();
    float eps = rule.epsilon();
    int upper = from + SPECIES.loopBound(to - from);
    for (int i = from; i < upper; i += L) {
      FloatVector gi = FloatVector.fromArray(SPECIES, g, i);
      // v = rho v + ((1 - rho) g) g
      FloatVector vi =
          flushTiny(FloatVector.fromArray(SPECIES, v, i).mul(rho).add(gi.mul(rest).mul(gi)));
      vi.intoArray(v, i);
      FloatVector denominator = vi;
      if (a != null) {
        // a = rho a + (1 - rho) g;  D = v - a a
        FloatVector ai =
            flushTiny(FloatVector.fromArray(SPECIES, a, i).mul(rho).add(gi.mul(rest)));
        ai.intoArray(a, i);
        denominator = denominator.sub(ai.mul(ai));
      }
      // d = (lr g) / sqrt(D + eps)
      FloatVector step = gi.mul(learningRate).div(denominator.add(eps).sqrt());
      if (s != null) {
        // s = mu s + d
        step = flushTiny(FloatVector.fromArray(SPECIES, s, i).mul(mu).add(step));
        step.intoArray(s, i);
      }
      FloatVector.fromArray(SPECIES, w, i).sub(step).intoArray(w, i);
    }
    rmsprop(rule, learningRate, w, g, v, s, a, upper, to);
  }

  @Override
  public void adagradRange(float[] w, float[] g, float[] accumulator, float learningRate,
      float epsilon, int from, int to) {
    int upper = from + SPECIES.loopBound(to - from);
    for (int i = from; i < upper; i += L) {
      FloatVector gi = FloatVector.fromArray(SPECIES, g, i);
      // acc = acc + g g
      FloatVector acc = FloatVector.fromArray(SPECIES, accumulator, i).add(gi.mul(gi));
      acc.intoArray(accumulator, i);
      // w = w - (lr g) / sqrt(acc + eps)
      FloatVector wi = FloatVector.fromArray(SPECIES, w, i);
      wi.sub(gi.mul(learningRate).div(acc.add(epsilon).sqrt())).intoArray(w, i);
    }
    adagrad(w, g, accumulator, learningRate, epsilon, upper, to);
  }

  @Override
  public double sumOfSquares(float[] x, int n) {
    int upper = SPECIES.loopBound(n);
    double total = 0;
    for (int block = 0; block < upper; block += SUM_BLOCK) {
      int end = Math.min(block + SUM_BLOCK, upper);
      FloatVector acc = FloatVector.zero(SPECIES);
      for (int i = block; i < end; i += L) {
        FloatVector xi = FloatVector.fromArray(SPECIES, x, i);
        acc = acc.add(xi.mul(xi));
      }
      total += acc.reduceLanes(VectorOperators.ADD);
    }
    return total + sumOfSquares(x, upper, n);
  }

  @Override
  public void scale(float[] x, int n, float c) {
    scaleInto(x, c, x, n);
  }

  @Override
  public void scaleInto(float[] x, float c, float[] out, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector.fromArray(SPECIES, x, i).mul(c).intoArray(out, i);
    }
    scaleInto(x, c, out, upper, n);
  }

  @Override
  public void clip(float[] x, int n, float bound) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector.fromArray(SPECIES, x, i).max(-bound).min(bound).intoArray(x, i);
    }
    clip(x, bound, upper, n);
  }

  @Override
  public void addToRows(float[] x, float[] b, int rows, int width) {
    int upper = SPECIES.loopBound(width);
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      for (int j = 0; j < upper; j += L) {
        FloatVector xi = FloatVector.fromArray(SPECIES, x, base + j);
        xi.add(FloatVector.fromArray(SPECIES, b, j)).intoArray(x, base + j);
      }
      addToRow(x, base, b, upper, width);
    }
  }

  @Override
  public void addInto(float[] src, int from, float[] dst, int at, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector.fromArray(SPECIES, dst, at + i)
          .add(FloatVector.fromArray(SPECIES, src, from + i))
          .intoArray(dst, at + i);
    }
    for (int i = upper; i < n; i++) {
      dst[at + i] += src[from + i];
    }
  }

  @Override
  public void addToRowsRelu(float[] x, float[] b, int fromRow, int toRow, int width) {
    int upper = SPECIES.loopBound(width);
    for (int r = fromRow, base = fromRow * width; r < toRow; r++, base += width) {
      for (int j = 0; j < upper; j += L) {
        FloatVector xi = FloatVector.fromArray(SPECIES, x, base + j);
        xi.add(FloatVector.fromArray(SPECIES, b, j)).max(0f).intoArray(x, base + j);
      }
      addToRowRelu(x, base, b, upper, width);
    }
  }

  @Override
  public void reluBackwardRange(float[] y, float[] dy, float[] dz, int from, int to) {
    int upper = from + SPECIES.loopBound(to - from);
    FloatVector zero = FloatVector.zero(SPECIES);
    for (int i = from; i < upper; i += L) {
      FloatVector yi = FloatVector.fromArray(SPECIES, y, i);
      FloatVector dyi = FloatVector.fromArray(SPECIES, dy, i);
      zero.blend(dyi, yi.compare(VectorOperators.GT, 0f)).intoArray(dz, i);
    }
    reluBackward(y, dy, dz, upper, to);
  }

  /**
   * Carries two vectors of sums in registers down the rows, instead of storing and
   * reloading them per row (a chain through memory that made this a tenth of a training step);
   * every column still adds its rows in ascending order from zero.
   */
  @Override
  public void columnSums(float[] x, int from, int rows, int width, float[] sums, int at) {
    int upper = rows > 0 ? SPECIES.loopBound(width) : 0;
    int j = 0;
    for (; j + 2 * L <= upper; j += 2 * L) {
      columnSums2(x, from + j, rows, width, sums, at + j);
    }
    for (; j < upper; j += L) {
      columnSums1(x, from + j, rows, width, sums, at + j);
    }
    columnSums(x, from, rows, width, sums, at, upper, width);
  }

  /**
   * Two vectors of column sums, carried in registers down the rows. The first row is added to
   * zero outside the loop (the same sum: {@code 0 + x} is x, and -0 becomes 0, as in the scalar
   * loop): a loop entered with a vector it never computed keeps its result boxed on JDK 17, and
   * the stores at the end then allocate.
   */
  private static void columnSums2(float[] x, int i, int rows, int width, float[] sums, int at) {
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector s0 = zero.add(FloatVector.fromArray(SPECIES, x, i));
    FloatVector s1 = zero.add(FloatVector.fromArray(SPECIES, x, i + L));
    int end = i + rows * width;
    for (int o = i + width; o < end; o += width) {
      s0 = s0.add(FloatVector.fromArray(SPECIES, x, o));
      s1 = s1.add(FloatVector.fromArray(SPECIES, x, o + L));
    }
    s0.intoArray(sums, at);
    s1.intoArray(sums, at + L);
  }

  /** One vector of column sums, as {@link #columnSums2}. */
  private static void columnSums1(float[] x, int i, int rows, int width, float[] sums, int at) {
    FloatVector s = FloatVector.zero(SPECIES).add(FloatVector.fromArray(SPECIES, x, i));
    int end = i + rows * width;
    for (int o = i + width; o < end; o += width) {
      s = s.add(FloatVector.fromArray(SPECIES, x, o));
    }
    s.intoArray(sums, at);
  }

  @Override
  public void relu(float[] z, float[] y, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector.fromArray(SPECIES, z, i).max(0f).intoArray(y, i);
    }
    relu(z, y, upper, n);
  }

  @Override
  public void reluBackward(float[] y, float[] dy, float[] dz, int n) {
    reluBackwardRange(y, dy, dz, 0, n);
  }

  @Override
  public void sigmoid(float[] z, float[] y, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector e = FloatVector.fromArray(SPECIES, z, i).neg().lanewise(VectorOperators.EXP);
      ONE.div(e.add(1f)).intoArray(y, i);
    }
    for (int i = upper; i < n; i++) {
      y[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
    }
  }

  @Override
  public void sigmoidBackward(float[] y, float[] dy, float[] dz, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector yi = FloatVector.fromArray(SPECIES, y, i);
      FloatVector dyi = FloatVector.fromArray(SPECIES, dy, i);
      // dz = (dy y)(1 - y)
      dyi.mul(yi).mul(ONE.sub(yi)).intoArray(dz, i);
    }
    sigmoidBackward(y, dy, dz, upper, n);
  }

  @Override
  public void tanh(float[] z, float[] y, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector.fromArray(SPECIES, z, i).lanewise(VectorOperators.TANH).intoArray(y, i);
    }
    for (int i = upper; i < n; i++) {
      y[i] = (float) Math.tanh(z[i]);
    }
  }

  @Override
  public void tanhBackward(float[] y, float[] dy, float[] dz, int n) {
    int upper = SPECIES.loopBound(n);
    for (int i = 0; i < upper; i += L) {
      FloatVector yi = FloatVector.fromArray(SPECIES, y, i);
      FloatVector dyi = FloatVector.fromArray(SPECIES, dy, i);
      // dz = dy (1 - y y)
      dyi.mul(ONE.sub(yi.mul(yi))).intoArray(dz, i);
    }
    tanhBackward(y, dy, dz, upper, n);
  }
}
