package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import dev.tensile.metrics.Metric;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.Terminal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops that run the model without training: the test loop behind {@code evaluate} and
 * {@code fit}'s validation, and the prediction loop behind {@code predict}.
 */
final class Evaluation {
  private Evaluation() {}

  /**
   * Runs the model over data without training.
   *
   * @param logs the running results, keyed {@code loss} then each metric; updated in place
   * @return the loss then each metric, in compile order
   */
  static double[] test(
      StepRunner runner,
      Compilation compiled,
      List<Metric> metrics,
      Logs logs,
      Tensor x,
      Tensor y,
      int batchSize,
      ProgressBar bar,
      Callback[] callbacks) {
    int n = x.samples();
    int steps = steps(n, batchSize);
    resetMetrics(metrics);
    Logs empty = new Logs(List.of());
    for (Callback c : callbacks) {
      c.onTestBegin(empty);
    }
    double lossTotal = 0;
    long seen = 0;
    for (int step = 0; step < steps; step++) {
      for (Callback c : callbacks) {
        c.onTestBatchBegin(step, empty);
      }
      int from = step * batchSize;
      int b = Math.min(batchSize, n - from);
      lossTotal += runner.testStep(x, y, from, b, compiled.loss(), metrics) * b;
      seen += b;
      writeLogs(logs, lossTotal / seen, metrics);
      for (Callback c : callbacks) {
        c.onTestBatchEnd(step, logs);
      }
      bar.update(step + 1, logs.names(), logs.values());
    }
    bar.finish(logs.names(), logs.values());
    for (Callback c : callbacks) {
      c.onTestEnd(logs);
    }
    double[] result = new double[1 + metrics.size()];
    result[0] = lossTotal / seen;
    for (int m = 0; m < metrics.size(); m++) {
      result[m + 1] = metrics.get(m).result();
    }
    return result;
  }

  /**
   * Computes the outputs for inputs, in batches.
   *
   * @return the outputs, shape {@code (n, ...output shape)}
   */
  static Tensor predict(
      StepRunner runner, int[] outShape, Tensor x, int batchSize, ProgressBar bar) {
    return predict(runner, outShape, x, batchSize, -1, bar);
  }

  /**
   * Computes the outputs of layer {@code last} (all layers if negative) for inputs, in batches.
   *
   * @return the outputs, shape {@code (n, ...outShape)}
   */
  static Tensor predict(
      StepRunner runner, int[] outShape, Tensor x, int batchSize, int last, ProgressBar bar) {
    int n = x.samples();
    int outSize = (int) Shapes.size(outShape);
    float[] out = new float[Math.multiplyExact(n, outSize)];
    int steps = steps(n, batchSize);
    List<String> none = List.of();
    double[] noValues = new double[0];
    for (int step = 0; step < steps; step++) {
      int from = step * batchSize;
      int b = Math.min(batchSize, n - from);
      float[] result = last < 0 ? runner.predictStep(x, from, b) : runner.predictStep(x, from, b, last);
      System.arraycopy(result, 0, out, from * outSize, b * outSize);
      bar.update(step + 1, none, noValues);
    }
    bar.finish(none, noValues);
    int[] shape = new int[outShape.length + 1];
    shape[0] = n;
    System.arraycopy(outShape, 0, shape, 1, outShape.length);
    return Tensor.wrap(out, shape);
  }

  /** The number of batches for {@code n} samples, the last one possibly short. */
  static int steps(int n, int batchSize) {
    return (n + batchSize - 1) / batchSize;
  }

  /** A progress bar on this stream; it redraws in place only on an interactive standard output. */
  static ProgressBar bar(PrintStream out, int steps, int verbose) {
    return new ProgressBar(
        steps, verbose, out, out == System.out && Terminal.isInteractive(), System::nanoTime);
  }

  /** The log keys: {@code loss}, the metrics, and with validation their {@code val_} twins. */
  static List<String> logKeys(List<String> metricNames, boolean withValidation) {
    List<String> keys = new ArrayList<>();
    keys.add("loss");
    keys.addAll(metricNames);
    if (withValidation) {
      keys.add("val_loss");
      for (String m : metricNames) {
        keys.add("val_" + m);
      }
    }
    return keys;
  }

  static void writeLogs(Logs logs, double lossValue, List<Metric> metrics) {
    logs.set("loss", lossValue);
    for (int m = 0; m < metrics.size(); m++) {
      logs.set(metrics.get(m).name(), metrics.get(m).result());
    }
  }

  static void resetMetrics(List<Metric> metrics) {
    for (int m = 0; m < metrics.size(); m++) {
      metrics.get(m).reset();
    }
  }
}
