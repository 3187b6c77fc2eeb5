package dev.tensile.spark;

import java.io.Serializable;

/**
 * A sum of replicas' results over a range of partitions: each replica's weights and optimizer
 * state multiplied by the steps it took this round, the steps, the samples, and the loss and
 * metrics multiplied by the samples. Dividing by the steps gives the step-weighted average state.
 */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Weights then optimizer slot arrays, each times the steps; null if no replica took a step. */
  double[][] state;
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
      p.state = new double[s.weights.length + s.slots.length][];
      for (int i = 0; i < s.weights.length; i++) {
        p.state[i] = scaled(s.weights[i], steps);
      }
      for (int i = 0; i < s.slots.length; i++) {
        p.state[s.weights.length + i] = scaled(s.slots[i], steps);
      }
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

  /** Adds {@code right} into this one, left plus right, element by element. */
  Partial plus(Partial right) {
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
