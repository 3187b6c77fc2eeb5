package dev.tensile.engine;

import java.util.Arrays;

/**
 * The portable element-wise kernels: plain loops in the order of {@link Elementwise}'s formulas,
 * the reference every faster implementation is tested against.
 *
 * <p>Each kernel's loop is also offered over an index range, {@code [from, to)}, so an
 * implementation that handles most elements in vectors computes the remainder with the very same
 * arithmetic.
 */
public class ScalarElementwise implements Elementwise {
  /** The shared instance; the kernels hold no state. */
  public static final ScalarElementwise INSTANCE = new ScalarElementwise();

  /** Makes the kernels; subclasses replace some loops with faster ones. */
  protected ScalarElementwise() {}

  /**
   * Returns {@code x}, or zero when its magnitude is below {@link Elementwise#SLOT_FLOOR}; NaN
   * stays NaN.
   *
   * @param x a new slot value
   * @return the value to store
   */
  protected static float flushTiny(float x) {
    return Math.abs(x) < Elementwise.SLOT_FLOOR ? 0f : x;
  }

  @Override
  public void sgdRange(float[] w, float[] g, float learningRate, int from, int to) {
    sgd(w, g, learningRate, from, to);
  }

  /**
   * {@link #sgd(float[], float[], float)} over {@code [from, to)}.
   *
   * @param w the weights; modified
   * @param g the gradients; not modified
   * @param lr the learning rate
   * @param from the first index
   * @param to one past the last index
   */
  protected static void sgd(float[] w, float[] g, float lr, int from, int to) {
    for (int i = from; i < to; i++) {
      w[i] -= lr * g[i];
    }
  }

  @Override
  public void sgdMomentumRange(float[] w, float[] g, float[] velocity, float learningRate,
      float momentum, boolean nesterov, int from, int to) {
    sgdMomentum(w, g, velocity, learningRate, momentum, nesterov, from, to);
  }

  /**
   * {@link #sgdMomentum(float[], float[], float[], float, float, boolean)} over {@code [from,
   * to)}.
   *
   * @param w the weights; modified
   * @param g the gradients; not modified
   * @param v the velocity; modified
   * @param lr the learning rate
   * @param mu the momentum
   * @param nesterov whether to take the Nesterov step
   * @param from the first index
   * @param to one past the last index
   */
  protected static void sgdMomentum(
      float[] w, float[] g, float[] v, float lr, float mu, boolean nesterov, int from, int to) {
    for (int i = from; i < to; i++) {
      v[i] = flushTiny(mu * v[i] - lr * g[i]);
      w[i] += nesterov ? mu * v[i] - lr * g[i] : v[i];
    }
  }

  @Override
  public void adamRange(AdamRule rule, float alpha, float[] w, float[] g, float[] m, float[] v,
      float[] vMax, int from, int to) {
    adam(rule, alpha, w, g, m, v, vMax, from, to);
  }

  /**
   * {@link #adam(AdamRule, float, float[], float[], float[], float[], float[])} over {@code [from,
   * to)}.
   *
   * @param rule the hyperparameters
   * @param alpha the step size
   * @param w the weights; modified
   * @param g the gradients; not modified
   * @param m the first moments; modified
   * @param v the second moments; modified
   * @param vMax the AMSGrad maxima (modified), or null
   * @param from the first index
   * @param to one past the last index
   */
  protected static void adam(
      AdamRule rule, float alpha, float[] w, float[] g, float[] m, float[] v, float[] vMax,
      int from, int to) {
    float mRate = 1f - rule.beta1();
    float vRate = 1f - rule.beta2();
    float eps = rule.epsilon();
    for (int i = from; i < to; i++) {
      float gi = g[i];
      m[i] = flushTiny(m[i] + (gi - m[i]) * mRate);
      v[i] = flushTiny(v[i] + (gi * gi - v[i]) * vRate);
      float second = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      w[i] -= alpha * m[i] / ((float) Math.sqrt(second) + eps);
    }
  }

  @Override
  public void rmspropRange(RmspropRule rule, float learningRate, float[] w, float[] g, float[] v,
      float[] s, float[] a, int from, int to) {
    rmsprop(rule, learningRate, w, g, v, s, a, from, to);
  }

  /**
   * {@link #rmsprop(RmspropRule, float, float[], float[], float[], float[], float[])} over {@code
   * [from, to)}.
   *
   * @param rule the hyperparameters
   * @param lr the learning rate
   * @param w the weights; modified
   * @param g the gradients; not modified
   * @param v the mean squared gradients; modified
   * @param s the momentum buffer (modified), or null
   * @param a the mean gradients (modified), or null
   * @param from the first index
   * @param to one past the last index
   */
  protected static void rmsprop(
      RmspropRule rule, float lr, float[] w, float[] g, float[] v, float[] s, float[] a,
      int from, int to) {
    float rho = rule.rho();
    float mu = rule.momentum();
    float eps = rule.epsilon();
    for (int i = from; i < to; i++) {
      float gi = g[i];
      v[i] = flushTiny(rho * v[i] + (1f - rho) * gi * gi);
      float denominator = v[i];
      if (a != null) {
        a[i] = flushTiny(rho * a[i] + (1f - rho) * gi);
        denominator -= a[i] * a[i];
      }
      float step = lr * gi / (float) Math.sqrt(denominator + eps);
      if (s != null) {
        s[i] = flushTiny(mu * s[i] + step);
        step = s[i];
      }
      w[i] -= step;
    }
  }

  @Override
  public void adagradRange(float[] w, float[] g, float[] accumulator, float learningRate,
      float epsilon, int from, int to) {
    adagrad(w, g, accumulator, learningRate, epsilon, from, to);
  }

  /**
   * {@link #adagrad(float[], float[], float[], float, float)} over {@code [from, to)}.
   *
   * @param w the weights; modified
   * @param g the gradients; not modified
   * @param acc the accumulator; modified
   * @param lr the learning rate
   * @param eps epsilon
   * @param from the first index
   * @param to one past the last index
   */
  protected static void adagrad(
      float[] w, float[] g, float[] acc, float lr, float eps, int from, int to) {
    for (int i = from; i < to; i++) {
      acc[i] += g[i] * g[i];
      w[i] -= lr * g[i] / (float) Math.sqrt(acc[i] + eps);
    }
  }

  @Override
  public double sumOfSquares(float[] x, int n) {
    return sumOfSquares(x, 0, n);
  }

  /**
   * {@code sum_i x_i^2} over {@code [from, to)}, in double, in ascending order.
   *
   * @param x the values; not modified
   * @param from the first index
   * @param to one past the last index
   * @return the sum
   */
  protected static double sumOfSquares(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (double) x[i] * x[i];
    }
    return s;
  }

  @Override
  public void scale(float[] x, int n, float c) {
    scaleInto(x, c, x, 0, n);
  }

  @Override
  public void scaleInto(float[] x, float c, float[] out, int n) {
    scaleInto(x, c, out, 0, n);
  }

  /**
   * {@code out = x c} over {@code [from, to)}.
   *
   * @param x the values; not modified unless {@code out == x}
   * @param c the factor
   * @param out the products; modified
   * @param from the first index
   * @param to one past the last index
   */
  protected static void scaleInto(float[] x, float c, float[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = x[i] * c;
    }
  }

  @Override
  public void clip(float[] x, int n, float bound) {
    clip(x, bound, 0, n);
  }

  /**
   * {@code x = min(max(x, -bound), bound)} over {@code [from, to)}.
   *
   * @param x the values; modified
   * @param bound the largest magnitude
   * @param from the first index
   * @param to one past the last index
   */
  protected static void clip(float[] x, float bound, int from, int to) {
    for (int i = from; i < to; i++) {
      x[i] = Math.min(Math.max(x[i], -bound), bound);
    }
  }

  @Override
  public void addToRows(float[] x, float[] b, int rows, int width) {
    for (int r = 0, base = 0; r < rows; r++, base += width) {
      addToRow(x, base, b, 0, width);
    }
  }

  /**
   * {@code x[base + j] += b[j]} for j in {@code [from, to)}.
   *
   * @param x the block; modified
   * @param base the row's first index in {@code x}
   * @param b the row vector; not modified
   * @param from the first column
   * @param to one past the last column
   */
  protected static void addToRow(float[] x, int base, float[] b, int from, int to) {
    for (int j = from; j < to; j++) {
      x[base + j] += b[j];
    }
  }

  @Override
  public void addInto(float[] src, int from, float[] dst, int at, int n) {
    for (int i = 0; i < n; i++) {
      dst[at + i] += src[from + i];
    }
  }

  @Override
  public void addToRowsRelu(float[] x, float[] b, int fromRow, int toRow, int width) {
    for (int r = fromRow, base = fromRow * width; r < toRow; r++, base += width) {
      addToRowRelu(x, base, b, 0, width);
    }
  }

  /**
   * {@code x[base + j] = max(x[base + j] + b[j], 0)} for j in {@code [from, to)}.
   *
   * @param x the block; modified
   * @param base the row's first index in {@code x}
   * @param b the row vector; not modified
   * @param from the first column
   * @param to one past the last column
   */
  protected static void addToRowRelu(float[] x, int base, float[] b, int from, int to) {
    for (int j = from; j < to; j++) {
      x[base + j] = Math.max(x[base + j] + b[j], 0f);
    }
  }

  @Override
  public void reluBackwardRange(float[] y, float[] dy, float[] dz, int from, int to) {
    reluBackward(y, dy, dz, from, to);
  }

  @Override
  public void columnSums(float[] x, int from, int rows, int width, float[] sums, int at) {
    columnSums(x, from, rows, width, sums, at, 0, width);
  }

  /**
   * {@code sums[at + j] = sum_r x[from + r * width + j]} for the columns j in {@code [first,
   * end)}, rows ascending.
   *
   * @param x holds the block; not modified
   * @param from where the block starts in x
   * @param rows the number of rows
   * @param width the row length
   * @param sums the column sums; overwritten in {@code [at + first, at + end)}
   * @param at where the sums start
   * @param first the first column
   * @param end one past the last column
   */
  protected static void columnSums(
      float[] x, int from, int rows, int width, float[] sums, int at, int first, int end) {
    Arrays.fill(sums, at + first, at + end, 0f);
    for (int r = 0, base = from; r < rows; r++, base += width) {
      for (int j = first; j < end; j++) {
        sums[at + j] += x[base + j];
      }
    }
  }

  @Override
  public void relu(float[] z, float[] y, int n) {
    relu(z, y, 0, n);
  }

  /**
   * {@code y = max(z, 0)} over {@code [from, to)}.
   *
   * @param z the inputs
   * @param y the outputs; modified
   * @param from the first index
   * @param to one past the last index
   */
  protected static void relu(float[] z, float[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = Math.max(z[i], 0f);
    }
  }

  @Override
  public void reluBackward(float[] y, float[] dy, float[] dz, int n) {
    reluBackward(y, dy, dz, 0, n);
  }

  /**
   * {@code dz = y > 0 ? dy : 0} over {@code [from, to)}.
   *
   * @param y relu's outputs
   * @param dy the output gradient
   * @param dz the input gradient; modified
   * @param from the first index
   * @param to one past the last index
   */
  protected static void reluBackward(float[] y, float[] dy, float[] dz, int from, int to) {
    for (int i = from; i < to; i++) {
      dz[i] = y[i] > 0f ? dy[i] : 0f;
    }
  }

  @Override
  public void sigmoid(float[] z, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
    }
  }

  @Override
  public void sigmoidBackward(float[] y, float[] dy, float[] dz, int n) {
    sigmoidBackward(y, dy, dz, 0, n);
  }

  /**
   * {@code dz = dy y (1 - y)} over {@code [from, to)}.
   *
   * @param y the sigmoid's outputs
   * @param dy the output gradient
   * @param dz the input gradient; modified
   * @param from the first index
   * @param to one past the last index
   */
  protected static void sigmoidBackward(float[] y, float[] dy, float[] dz, int from, int to) {
    for (int i = from; i < to; i++) {
      dz[i] = dy[i] * y[i] * (1f - y[i]);
    }
  }

  @Override
  public void tanh(float[] z, float[] y, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) Math.tanh(z[i]);
    }
  }

  @Override
  public void tanhBackward(float[] y, float[] dy, float[] dz, int n) {
    tanhBackward(y, dy, dz, 0, n);
  }

  /**
   * {@code dz = dy (1 - y y)} over {@code [from, to)}.
   *
   * @param y tanh's outputs
   * @param dy the output gradient
   * @param dz the input gradient; modified
   * @param from the first index
   * @param to one past the last index
   */
  protected static void tanhBackward(float[] y, float[] dy, float[] dz, int from, int to) {
    for (int i = from; i < to; i++) {
      dz[i] = dy[i] * (1f - y[i] * y[i]);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
