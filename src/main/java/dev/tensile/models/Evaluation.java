package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import dev.tensile.data.Batch;
import dev.tensile.data.BatchStream;
import dev.tensile.data.DataSource;
import dev.tensile.metrics.Metric;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.Terminal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
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
   * @param checkBatchesFor the model whose input and target checks each batch gets as it arrives,
   *     or null for data already checked whole
   * @return the loss then each metric, in compile order
   */
  static double[] test(
      StepRunner runner,
      Compilation compiled,
      List<Metric> metrics,
      Logs logs,
      DataSource data,
      int batchSize,
      ProgressBar bar,
      Callback[] callbacks,
      Sequential checkBatchesFor) {
    resetMetrics(metrics);
    Logs empty = new Logs(List.of());
    for (Callback c : callbacks) {
      c.onTestBegin(empty);
    }
    double lossTotal = 0;
    long seen = 0;
    Batch batch = runner.batch();
    try (BatchStream stream = data.open(batchSize)) {
      for (int step = 0; stream.next(batch); step++) {
        for (Callback c : callbacks) {
          c.onTestBatchBegin(step, empty);
        }
        int b = batch.size();
        if (checkBatchesFor != null) {
          DataChecks.checkBatch(checkBatchesFor, data, batch, "evaluate");
        }
        lossTotal += runner.testStep(b, compiled.loss(), metrics) * b;
        seen += b;
        writeLogs(logs, lossTotal / seen, metrics);
        for (Callback c : callbacks) {
          c.onTestBatchEnd(step, logs);
        }
        bar.update(step + 1, logs.names(), logs.values());
      }
    }
    if (seen == 0) {
      throw new IllegalArgumentException("evaluate: the data source yielded no samples");
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
   * Computes the outputs for inputs, in batches; an output of unknown length grows as it fills.
   *
   * @return the outputs, shape {@code (n, ...output shape)}
   */
  static Tensor predict(
      StepRunner runner, int[] outShape, DataSource x, int batchSize, ProgressBar bar,
      Sequential checkBatchesFor) {
    return predict(runner, outShape, x, batchSize, -1, bar, checkBatchesFor);
  }

  /**
   * Computes the outputs of layer {@code last} (all layers if negative) for inputs, in batches.
   *
   * @return the outputs, shape {@code (n, ...outShape)}
   */
  static Tensor predict(
      StepRunner runner, int[] outShape, DataSource x, int batchSize, int last, ProgressBar bar,
      Sequential checkBatchesFor) {
    int outSize = (int) Shapes.size(outShape);
    long known = x.size();
    float[] out = new float[known >= 0 ? Math.multiplyExact(Math.toIntExact(known), outSize)
        : Math.multiplyExact(batchSize, outSize)];
    List<String> none = List.of();
    double[] noValues = new double[0];
    Batch batch = runner.batch();
    int n = 0;
    try (BatchStream stream = x.open(batchSize)) {
      for (int step = 0; stream.next(batch); step++) {
        int b = batch.size();
        if (checkBatchesFor != null) {
          DataChecks.checkBatchInputs(checkBatchesFor, x, batch, "predict");
        }
        float[] result = last < 0 ? runner.predictStep(b) : runner.predictStep(b, last);
        int need = Math.multiplyExact(n + b, outSize);
        if (need > out.length) {
          out = Arrays.copyOf(out, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8,
              2L * out.length)));
        }
        System.arraycopy(result, 0, out, n * outSize, b * outSize);
        n += b;
        bar.update(step + 1, none, noValues);
      }
    }
    bar.finish(none, noValues);
    int[] shape = new int[outShape.length + 1];
    shape[0] = n;
    System.arraycopy(outShape, 0, shape, 1, outShape.length);
    return Tensor.wrap(out.length == n * outSize ? out : Arrays.copyOf(out, n * outSize), shape);
  }

  /**
   * The number of batches for {@code n} samples, the last one possibly short; {@link
   * ProgressBar#UNKNOWN_TARGET} for a source of unknown length.
   */
  static int steps(long n, int batchSize) {
    return n < 0 ? (int) ProgressBar.UNKNOWN_TARGET : Math.toIntExact((n + batchSize - 1) / batchSize);
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
