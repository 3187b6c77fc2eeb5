package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.callbacks.ProgbarLogger;
import dev.tensile.layers.Layer;
import dev.tensile.layers.LogitsLayer;
import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.metrics.Metrics;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.RandomSeed;
import dev.tensile.utils.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops behind {@code fit}, {@code evaluate} and {@code predict}, with the batch buffers they
 * reuse. A training step gathers a batch into reused buffers, runs every layer forward, computes
 * the loss and its gradient (from the logits when the output is a softmax or sigmoid and the loss
 * the matching crossentropy), runs every layer backward, updates the metrics and lets the
 * optimizer take its step; in steady state it allocates nothing.
 */
final class TrainingLoop {
  private final Sequential model;
  private float[] xBatch;
  private float[] yBatch;
  private float[] grad;
  private List<Metric> trainMetrics;
  private List<Metric> testMetrics;
  private Logs trainLogs;
  private Logs testLogs;
  /** The output's last axis, the width the loss and metrics see. */
  private int width;
  /** Rows per sample that the loss sees: 1 unless the output has inner axes. */
  private int rowsPerSample;

  TrainingLoop(Sequential model) {
    this.model = model;
  }

  /** Forgets what depended on the previous compile. */
  void compiled() {
    trainMetrics = null;
    testMetrics = null;
  }

  History fit(Tensor x, Tensor y, FitOptions options) {
    requireCompiled("fit");
    model.ensureBuilt(x);
    cacheOutputShape();
    DataChecks.check(model, x, y, "fit");
    Tensor xVal = options.validationX();
    Tensor yVal = options.validationY();
    int n = x.samples();
    int trainCount = n;
    if (xVal != null) {
      DataChecks.check(model, xVal, yVal, "validation_data");
    } else if (options.validationSplit() > 0) {
      trainCount = (int) Math.floor(n * (1 - options.validationSplit()));
      if (trainCount == 0 || trainCount == n) {
        throw new IllegalArgumentException(
            "validationSplit " + options.validationSplit() + " of " + n
                + " samples leaves no training or no validation samples");
      }
      xVal = x.rows(trainCount, n);
      yVal = y.rows(trainCount, n);
    }
    if (options.initialEpoch() >= options.epochs()) {
      throw new IllegalArgumentException(
          "initialEpoch " + options.initialEpoch() + " must be below epochs "
              + options.epochs());
    }
    prepareMetrics(y);
    boolean validating = xVal != null;
    int batchSize = options.batchSize();
    int steps = (trainCount + batchSize - 1) / batchSize;

    History history = new History();
    history.setParams(options.verbose(), options.epochs(), steps);
    List<Callback> list = new ArrayList<>(options.callbacks());
    list.add(history);
    if (options.verbose() > 0) {
      list.add(new ProgbarLogger(options.verbose(), options.epochs(), steps, System.out));
    }
    Callback[] callbacks = list.toArray(new Callback[0]);
    for (Callback c : callbacks) {
      c.setModel(model);
    }
    Logs empty = new Logs(List.of());
    Logs epochLogs = new Logs(logKeys(validating));
    long shuffleSeed = options.seed() != null ? options.seed() : RandomSeed.next();
    int[] order = new int[trainCount];
    model.optimizer().build(model.trainableVariables());

    model.setStopTraining(false);
    for (Callback c : callbacks) {
      c.onTrainBegin(empty);
    }
    for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
      resetMetrics(trainMetrics);
      double lossTotal = 0;
      long seen = 0;
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch, empty);
      }
      for (int i = 0; i < trainCount; i++) {
        order[i] = i;
      }
      if (options.shuffle()) {
        // Each epoch's order depends on the seed and the epoch number alone, so a run resumed
        // with initialEpoch shuffles exactly as an uninterrupted one.
        new Rng(shuffleSeed + 0x9E3779B97F4A7C15L * (epoch + 1)).shuffle(order);
      }
      for (int step = 0; step < steps; step++) {
        for (Callback c : callbacks) {
          c.onTrainBatchBegin(step, empty);
        }
        int from = step * batchSize;
        int b = Math.min(batchSize, trainCount - from);
        gather(x, y, order, from, b);
        double batchLoss = trainStep(b);
        lossTotal += batchLoss * b;
        seen += b;
        writeLogs(trainLogs, lossTotal / seen, trainMetrics);
        for (Callback c : callbacks) {
          c.onTrainBatchEnd(step, trainLogs);
        }
        // A callback such as TerminateOnNaN may stop training on a non-finite loss; otherwise
        // training cannot go on and says where it broke.
        if (!Double.isFinite(batchLoss) && !model.stopTraining()) {
          throw new IllegalStateException(
              "the loss became " + batchLoss + " at epoch " + (epoch + 1) + ", batch "
                  + (step + 1) + " of " + steps + "; lower the learning rate, clip gradients "
                  + "(clipnorm) or check the data's scale");
        }
        if (model.stopTraining()) {
          break;
        }
      }
      writeLogs(epochLogs, lossTotal / Math.max(seen, 1), trainMetrics);
      if (validating) {
        double[] val = run(xVal, yVal, batchSize, 0, callbacks);
        epochLogs.set("val_loss", val[0]);
        for (int m = 0; m < testMetrics.size(); m++) {
          epochLogs.set("val_" + testMetrics.get(m).name(), val[m + 1]);
        }
      }
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, epochLogs);
      }
      if (model.stopTraining()) {
        break;
      }
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(epochLogs);
    }
    return history;
  }

  double[] evaluate(Tensor x, Tensor y, EvaluateOptions options) {
    requireCompiled("evaluate");
    model.ensureBuilt(x);
    cacheOutputShape();
    DataChecks.check(model, x, y, "evaluate");
    prepareMetrics(y);
    return run(x, y, options.batchSize(), options.verbose(), new Callback[0]);
  }

  Tensor predict(Tensor x, EvaluateOptions options) {
    return predict(x, options, model.layers().size() - 1);
  }

  /** Predicts the outputs of layer {@code last}, running the layers up to it. */
  Tensor predict(Tensor x, EvaluateOptions options, int last) {
    model.ensureBuilt(x);
    cacheOutputShape();
    DataChecks.checkInputs(model, x, "predict");
    int n = x.samples();
    int[] outShape = model.layers().get(last).outputShape();
    int outSize = (int) Shapes.size(outShape);
    float[] out = new float[Math.multiplyExact(n, outSize)];
    int batchSize = options.batchSize();
    int steps = (n + batchSize - 1) / batchSize;
    ProgressBar bar = ProgressBar.toStdout(steps, options.verbose());
    List<String> none = List.of();
    double[] noValues = new double[0];
    for (int step = 0; step < steps; step++) {
      int from = step * batchSize;
      int b = Math.min(batchSize, n - from);
      float[] result = forward(slice(x, from, b), b, false, last);
      System.arraycopy(result, 0, out, from * outSize, b * outSize);
      bar.update(step + 1, none, noValues);
    }
    bar.finish(none, noValues);
    int[] shape = new int[outShape.length + 1];
    shape[0] = n;
    System.arraycopy(outShape, 0, shape, 1, outShape.length);
    return Tensor.wrap(out, shape);
  }

  /** Runs the model over data without training; returns the loss then each metric. */
  private double[] run(Tensor x, Tensor y, int batchSize, int verbose, Callback[] callbacks) {
    int n = x.samples();
    int steps = (n + batchSize - 1) / batchSize;
    Loss loss = model.loss();
    resetMetrics(testMetrics);
    Logs empty = new Logs(List.of());
    for (Callback c : callbacks) {
      c.onTestBegin(empty);
    }
    ProgressBar bar = ProgressBar.toStdout(steps, verbose);
    double lossTotal = 0;
    long seen = 0;
    for (int step = 0; step < steps; step++) {
      for (Callback c : callbacks) {
        c.onTestBatchBegin(step, empty);
      }
      int from = step * batchSize;
      int b = Math.min(batchSize, n - from);
      float[] targets = sliceTargets(y, from, b);
      float[] pred = forward(slice(x, from, b), b, false);
      int rows = b * rowsPerSample;
      lossTotal += computeLoss(loss, pred, targets, rows, width, null) * b;
      seen += b;
      updateMetrics(testMetrics, pred, targets, rows, width);
      writeLogs(testLogs, lossTotal / seen, testMetrics);
      for (Callback c : callbacks) {
        c.onTestBatchEnd(step, testLogs);
      }
      bar.update(step + 1, testLogs.names(), testLogs.values());
    }
    bar.finish(testLogs.names(), testLogs.values());
    for (Callback c : callbacks) {
      c.onTestEnd(testLogs);
    }
    double[] result = new double[1 + testMetrics.size()];
    result[0] = lossTotal / seen;
    for (int m = 0; m < testMetrics.size(); m++) {
      result[m + 1] = testMetrics.get(m).result();
    }
    return result;
  }

  /** One gradient step on the gathered batch; returns the batch's mean loss before the update. */
  private double trainStep(int b) {
    List<Layer> layers = model.layers();
    float[] pred = forward(xBatch, b, true);
    int rows = b * rowsPerSample;
    grad = Buffers.ensure(grad, rows * width);
    Layer last = layers.get(layers.size() - 1);
    double batchLoss;
    float[] g;
    if (fuses(last)) {
      LogitsLayer out = (LogitsLayer) last;
      batchLoss = model.loss().computeFromLogits(out.logits(), pred, yBatch, rows, width, grad);
      g = out.backwardFromLogits(grad, b);
    } else {
      batchLoss = model.loss().compute(pred, yBatch, rows, width, grad);
      g = last.backward(grad, b);
    }
    updateMetrics(trainMetrics, pred, yBatch, rows, width);
    // Stop where no earlier layer has weights: the input gradient is not computed from there on.
    for (int i = layers.size() - 2; i >= 0 && g != null; i--) {
      g = layers.get(i).backward(g, b);
    }
    model.optimizer().apply(model.trainableVariables());
    return batchLoss;
  }

  private float[] forward(float[] input, int b, boolean training) {
    return forward(input, b, training, model.layers().size() - 1);
  }

  private float[] forward(float[] input, int b, boolean training, int last) {
    List<Layer> layers = model.layers();
    float[] a = input;
    for (int i = 0; i <= last; i++) {
      a = layers.get(i).forward(a, b, training);
    }
    return a;
  }

  private double computeLoss(
      Loss loss, float[] pred, float[] targets, int rows, int width, float[] gradient) {
    List<Layer> layers = model.layers();
    Layer last = layers.get(layers.size() - 1);
    if (fuses(last)) {
      return loss.computeFromLogits(
          ((LogitsLayer) last).logits(), pred, targets, rows, width, gradient);
    }
    return loss.compute(pred, targets, rows, width, gradient);
  }

  private boolean fuses(Layer last) {
    return last instanceof LogitsLayer && model.loss().fusesWith(((LogitsLayer) last).activation());
  }

  /** Copies the samples {@code order[from .. from+b)} into the batch buffers. */
  private void gather(Tensor x, Tensor y, int[] order, int from, int b) {
    int xs = x.sampleSize();
    int ys = y.sampleSize();
    xBatch = Buffers.ensure(xBatch, b * xs);
    yBatch = Buffers.ensure(yBatch, b * ys);
    float[] xd = x.data();
    float[] yd = y.data();
    for (int i = 0; i < b; i++) {
      int r = order[from + i];
      System.arraycopy(xd, r * xs, xBatch, i * xs, xs);
      System.arraycopy(yd, r * ys, yBatch, i * ys, ys);
    }
  }

  /** Copies consecutive samples into the input batch buffer. */
  private float[] slice(Tensor x, int from, int b) {
    int xs = x.sampleSize();
    xBatch = Buffers.ensure(xBatch, b * xs);
    System.arraycopy(x.data(), from * xs, xBatch, 0, b * xs);
    return xBatch;
  }

  private float[] sliceTargets(Tensor y, int from, int b) {
    int ys = y.sampleSize();
    yBatch = Buffers.ensure(yBatch, b * ys);
    System.arraycopy(y.data(), from * ys, yBatch, 0, b * ys);
    return yBatch;
  }

  /** Caches the output's width and rows per sample, so the loops never copy the shape. */
  private void cacheOutputShape() {
    int[] s = model.outputShape();
    width = s[s.length - 1];
    rowsPerSample = (int) (Shapes.size(s) / width);
  }

  /** Resolves metric names against the targets' shape, once per compile, as Keras does. */
  private void prepareMetrics(Tensor y) {
    if (trainMetrics != null) {
      return;
    }
    boolean sparse = y.rank() < model.outputShape().length + 1
        || (y.dim(-1) == 1 && width > 1);
    trainMetrics = new ArrayList<>();
    testMetrics = new ArrayList<>();
    for (String name : model.metricNames()) {
      trainMetrics.add(Metrics.get(name, sparse, width));
      testMetrics.add(Metrics.get(name, sparse, width));
    }
    trainLogs = new Logs(logKeys(false));
    testLogs = new Logs(logKeys(false));
  }

  private List<String> logKeys(boolean withValidation) {
    List<String> keys = new ArrayList<>();
    keys.add("loss");
    keys.addAll(model.metricNames());
    if (withValidation) {
      keys.add("val_loss");
      for (String m : model.metricNames()) {
        keys.add("val_" + m);
      }
    }
    return keys;
  }

  private static void writeLogs(Logs logs, double lossValue, List<Metric> metrics) {
    logs.set("loss", lossValue);
    for (int m = 0; m < metrics.size(); m++) {
      logs.set(metrics.get(m).name(), metrics.get(m).result());
    }
  }

  private static void resetMetrics(List<Metric> metrics) {
    for (int m = 0; m < metrics.size(); m++) {
      metrics.get(m).reset();
    }
  }

  private static void updateMetrics(
      List<Metric> metrics, float[] pred, float[] targets, int rows, int width) {
    for (int m = 0; m < metrics.size(); m++) {
      metrics.get(m).update(pred, targets, rows, width);
    }
  }

  private void requireCompiled(String what) {
    if (!model.isCompiled()) {
      throw new IllegalStateException(
          "you must call compile() before " + what + "(): model '" + model.name()
              + "' has no optimizer or loss yet");
    }
  }
}
