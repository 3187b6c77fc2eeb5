package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.callbacks.ProgbarLogger;
import dev.tensile.data.Batch;
import dev.tensile.data.BatchStream;
import dev.tensile.data.DataSource;
import dev.tensile.metrics.Metric;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@code fit}, in named steps: {@link #prepareData} checks the data and splits off
 * validation samples, {@link #prepareCallbacks} lines up the user's callbacks, the {@link
 * History} and the progress bar, {@link #runEpoch} trains on one epoch of the training {@link
 * DataSource} batch by batch (in-memory tensors go through {@link DataSource#of} too), {@link
 * #validate} evaluates after each epoch, and {@link #report} hands the epoch's logs to the
 * callbacks. Made and run by {@link Sequential#fit}; never reused.
 */
final class Fit {
  private static final Logs EMPTY = new Logs(List.of());

  private final Sequential model;
  private final Compilation compiled;
  private final StepRunner runner;
  private final FitOptions options;
  private DataSource train;
  private DataSource validation;
  /** Whether every batch is checked as it arrives: not for tensors, checked whole up front. */
  private boolean checkBatches;
  private int steps;
  private List<Metric> metrics;
  private Callback[] callbacks;
  private History history;
  private Logs batchLogs;
  private Logs testLogs;
  private Logs epochLogs;
  private long shuffleSeed;

  Fit(Sequential model, Compilation compiled, StepRunner runner, FitOptions options) {
    this.model = model;
    this.compiled = compiled;
    this.runner = runner;
    this.options = options;
  }

  /** Trains on in-memory data for the options' epochs and returns the history. */
  History run(Tensor inputs, Tensor targets) {
    prepareData(inputs, targets);
    return run();
  }

  /** Trains on a source for the options' epochs and returns the history. */
  History run(DataSource source) {
    prepareData(source);
    return run();
  }

  private History run() {
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
      if (validation != null) {
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
  private void prepareData(Tensor x, Tensor y) {
    DataChecks.check(model, x, y, "fit");
    int n = x.samples();
    int trainCount = n;
    if (options.validationSplit() > 0 && !hasValidationData()) {
      trainCount = (int) Math.floor(n * (1 - options.validationSplit()));
      if (trainCount == 0 || trainCount == n) {
        throw new IllegalArgumentException(
            "validationSplit " + options.validationSplit() + " of " + n
                + " samples leaves no training or no validation samples");
      }
      validation = DataSource.of(x, y, trainCount, n);
    }
    prepareValidation();
    checkEpochs();
    train = DataSource.of(x, y, 0, trainCount);
    metrics = compiled.metrics(y, model.outputShape());
    steps = Evaluation.steps(trainCount, options.batchSize());
  }

  /** Checks a source's shapes against the model; its values are checked batch by batch. */
  private void prepareData(DataSource source) {
    DataChecks.checkShapes(model, source, "fit");
    if (options.validationSplit() > 0 && !hasValidationData()) {
      throw new IllegalArgumentException(
          "validationSplit needs in-memory tensors; with a data source, pass the validation "
              + "samples as validationData(source)");
    }
    prepareValidation();
    checkEpochs();
    train = source;
    checkBatches = true;
    metrics = compiled.metrics(source.targetShape(), model.outputShape());
    steps = Evaluation.steps(source.size(), options.batchSize());
  }

  private void prepareValidation() {
    if (options.validationSource() != null) {
      DataChecks.checkShapes(model, options.validationSource(), "validation_data");
      validation = options.validationSource();
    } else if (options.validationX() != null) {
      DataChecks.check(model, options.validationX(), options.validationY(), "validation_data");
      validation = DataSource.of(options.validationX(), options.validationY());
    }
  }

  private boolean hasValidationData() {
    return options.validationSource() != null || options.validationX() != null;
  }

  private void checkEpochs() {
    if (options.initialEpoch() >= options.epochs()) {
      throw new IllegalArgumentException(
          "initialEpoch " + options.initialEpoch() + " must be below epochs "
              + options.epochs());
    }
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
    epochLogs = new Logs(Evaluation.logKeys(compiled.metricNames(), validation != null));
    shuffleSeed = options.seed() != null ? options.seed() : RandomSeed.next();
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
    int batchSize = options.batchSize();
    double lossTotal = 0;
    long seen = 0;
    Batch batch = runner.batch();
    try (BatchStream stream = options.shuffle()
        ? train.open(batchSize, DataSource.epochSeed(shuffleSeed, epoch))
        : train.open(batchSize)) {
      for (int step = 0; stream.next(batch); step++) {
        for (Callback c : callbacks) {
          c.onTrainBatchBegin(step, EMPTY);
        }
        int b = batch.size();
        if (checkBatches) {
          DataChecks.checkBatch(model, train, batch, "fit");
        }
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
                  + (step + 1) + (steps > 0 ? " of " + steps : "") + "; lower the learning "
                  + "rate, clip gradients (clipnorm) or check the data's scale");
        }
        if (model.stopTraining()) {
          break;
        }
      }
    }
    if (seen == 0) {
      throw new IllegalArgumentException("fit: the data source yielded no samples this epoch");
    }
    return lossTotal / seen;
  }

  /** Evaluates on the validation data and adds the {@code val_} entries to the epoch's logs. */
  private void validate() {
    double[] val = Evaluation.test(
        runner, compiled, metrics, testLogs, validation, options.batchSize(),
        Evaluation.bar(options.output(), Evaluation.steps(validation.size(), options.batchSize()), 0),
        callbacks, options.validationSource() != null ? model : null);
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
