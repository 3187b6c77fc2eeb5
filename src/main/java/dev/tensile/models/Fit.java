package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.callbacks.ProgbarLogger;
import dev.tensile.metrics.Metric;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import dev.tensile.utils.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@code fit}, in named steps: {@link #prepareData} checks the data and splits off
 * validation samples, {@link #prepareCallbacks} lines up the user's callbacks, the {@link
 * History} and the progress bar, {@link #runEpoch} shuffles and trains batch by batch, {@link
 * #validate} evaluates after each epoch, and {@link #report} hands the epoch's logs to the
 * callbacks. Made and run by {@link Sequential#fit}; never reused.
 */
final class Fit {
  private static final Logs EMPTY = new Logs(List.of());

  private final Sequential model;
  private final Compilation compiled;
  private final StepRunner runner;
  private final FitOptions options;
  private Tensor x;
  private Tensor y;
  private Tensor xVal;
  private Tensor yVal;
  private int trainCount;
  private int steps;
  private List<Metric> metrics;
  private Callback[] callbacks;
  private History history;
  private Logs batchLogs;
  private Logs testLogs;
  private Logs epochLogs;
  private long shuffleSeed;
  private int[] order;

  Fit(Sequential model, Compilation compiled, StepRunner runner, FitOptions options) {
    this.model = model;
    this.compiled = compiled;
    this.runner = runner;
    this.options = options;
  }

  /** Trains for the options' epochs and returns the history. */
  History run(Tensor inputs, Tensor targets) {
    prepareData(inputs, targets);
    prepareCallbacks();
    prepareTraining();
    for (Callback c : callbacks) {
      c.onTrainBegin(EMPTY);
    }
    for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch, EMPTY);
      }
      Evaluation.writeLogs(epochLogs, runEpoch(epoch), metrics);
      if (xVal != null) {
        validate();
      }
      report(epoch);
      if (model.stopTraining()) {
        break;
      }
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(epochLogs);
    }
    return history;
  }

  /** Checks the data against the model and splits off the validation samples, if any. */
  private void prepareData(Tensor inputs, Tensor targets) {
    x = inputs;
    y = targets;
    DataChecks.check(model, x, y, "fit");
    xVal = options.validationX();
    yVal = options.validationY();
    int n = x.samples();
    trainCount = n;
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
    metrics = compiled.metrics(y, model.outputShape());
    steps = Evaluation.steps(trainCount, options.batchSize());
  }

  /** The user's callbacks, then the history, then the progress bar; each gets the model. */
  private void prepareCallbacks() {
    int verbose = options.verbosity().level();
    history = new History();
    history.setParams(verbose, options.epochs(), steps);
    List<Callback> list = new ArrayList<>(options.callbacks());
    list.add(history);
    if (verbose > 0) {
      list.add(new ProgbarLogger(verbose, options.epochs(), steps, options.output()));
    }
    callbacks = list.toArray(new Callback[0]);
    for (Callback c : callbacks) {
      c.setModel(model);
    }
  }

  /** Makes the logs, the shuffling seed and the optimizer's state; clears a previous stop. */
  private void prepareTraining() {
    batchLogs = new Logs(Evaluation.logKeys(compiled.metricNames(), false));
    testLogs = new Logs(Evaluation.logKeys(compiled.metricNames(), false));
    epochLogs = new Logs(Evaluation.logKeys(compiled.metricNames(), xVal != null));
    shuffleSeed = options.seed() != null ? options.seed() : RandomSeed.next();
    order = new int[trainCount];
    compiled.optimizer().build(model.trainableVariables());
    model.setStopTraining(false);
  }

  /**
   * Trains one epoch, or until a callback stops training.
   *
   * @return the epoch's mean loss
   */
  private double runEpoch(int epoch) {
    Evaluation.resetMetrics(metrics);
    for (int i = 0; i < trainCount; i++) {
      order[i] = i;
    }
    if (options.shuffle()) {
      // Each epoch's order depends on the seed and the epoch number alone, so a run resumed
      // with initialEpoch shuffles exactly as an uninterrupted one.
      new Rng(shuffleSeed + 0x9E3779B97F4A7C15L * (epoch + 1)).shuffle(order);
    }
    int batchSize = options.batchSize();
    double lossTotal = 0;
    long seen = 0;
    for (int step = 0; step < steps; step++) {
      for (Callback c : callbacks) {
        c.onTrainBatchBegin(step, EMPTY);
      }
      int from = step * batchSize;
      int b = Math.min(batchSize, trainCount - from);
      runner.gather(x, y, order, from, b);
      double batchLoss = runner.trainStep(b, compiled, metrics);
      lossTotal += batchLoss * b;
      seen += b;
      Evaluation.writeLogs(batchLogs, lossTotal / seen, metrics);
      for (Callback c : callbacks) {
        c.onTrainBatchEnd(step, batchLogs);
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
    return lossTotal / Math.max(seen, 1);
  }

  /** Evaluates on the validation data and adds the {@code val_} entries to the epoch's logs. */
  private void validate() {
    double[] val = Evaluation.test(
        runner, compiled, metrics, testLogs, xVal, yVal, options.batchSize(),
        Evaluation.bar(options.output(), Evaluation.steps(xVal.samples(), options.batchSize()), 0),
        callbacks);
    epochLogs.set("val_loss", val[0]);
    for (int m = 0; m < metrics.size(); m++) {
      epochLogs.set("val_" + metrics.get(m).name(), val[m + 1]);
    }
  }

  /** Hands the epoch's logs to every callback: the user's, the history, the progress bar. */
  private void report(int epoch) {
    for (Callback c : callbacks) {
      c.onEpochEnd(epoch, epochLogs);
    }
  }
}
