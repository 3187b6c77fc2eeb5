package dev.tensile.spark;

import java.io.Serializable;

/**
 * A sum of replicas' results over a range of partitions: each replica's weights and optimizer
 * state multiplied by the steps it took this round, the steps, the samples, and the loss and
 * metrics multiplied by the samples. Dividing by the steps gives the step-weighted average state.
 */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Weights then optimizer slot arrays, each times the steps, once two replicas are summed; null
   * while this holds one replica's arrays ({@link #single}) or none.
   */
  double[][] state;
  /** One replica's own arrays, shipped as floats (half the bytes) until they are summed. */
  float[][] single;
  long steps;
  long maxSteps;
  long samples;
  double lossSum;
  double[] metricSums;
  /** The slowest replica's training time in the round, in nanoseconds. */
  long maxComputeNanos;

  /** One replica's result after {@code steps} steps on {@code samples} samples. */
  static Partial of(ModelState s, long steps, long samples, double loss, double[] metrics) {
    Partial p = new Partial();
    p.steps = steps;
    p.maxSteps = steps;
    p.samples = samples;
    p.metricSums = new double[metrics.length];
    if (steps > 0) {
      p.single = new float[s.weights.length + s.slots.length][];
      System.arraycopy(s.weights, 0, p.single, 0, s.weights.length);
      System.arraycopy(s.slots, 0, p.single, s.weights.length, s.slots.length);
      p.lossSum = loss * samples;
      for (int m = 0; m < metrics.length; m++) {
        p.metricSums[m] = metrics[m] * samples;
      }
    }
    return p;
  }

  /** A float times a step count is exact in double, so one replica's average is its own state. */
  private static double[] scaled(float[] a, long steps) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (double) a[i] * steps;
    }
    return out;
  }

  /** The step-weighted sums; one replica's floats are widened first (exactly). */
  double[][] sums() {
    if (state == null && single != null) {
      state = new double[single.length][];
      for (int k = 0; k < single.length; k++) {
        state[k] = scaled(single[k], steps);
      }
      single = null;
    }
    return state;
  }

  /** Adds {@code right} into this one, left plus right, element by element. */
  Partial plus(Partial right) {
    sums();
    right.sums();
    if (state == null) {
      state = right.state;
    } else if (right.state != null) {
      for (int k = 0; k < state.length; k++) {
        double[] a = state[k];
        double[] b = right.state[k];
        for (int i = 0; i < a.length; i++) {
          a[i] += b[i];
        }
      }
    }
    steps += right.steps;
    maxSteps = Math.max(maxSteps, right.maxSteps);
    maxComputeNanos = Math.max(maxComputeNanos, right.maxComputeNanos);
    samples += right.samples;
    lossSum += right.lossSum;
    for (int m = 0; m < metricSums.length; m++) {
      metricSums[m] += right.metricSums[m];
    }
    return this;
  }
}
