package dev.tensile.examples;

import dev.tensile.callbacks.History;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains compiled models on one train/validation/test split and collects a row of results for
 * each, printed at the end as a Markdown table. Each model sees the images in the shape its input
 * declares: {@code (n, 784)} or {@code (n, 28, 28)}.
 */
public final class Experiment {
  /**
   * One model's results.
   *
   * @param model the row label
   * @param accuracy the final epoch's training accuracy
   * @param valAccuracy the accuracy on the validation set
   * @param testAccuracy the accuracy on the test set
   * @param secondsPerEpoch the median epoch duration
   * @param tutorial what the Keras tutorial reported, or "-"
   */
  public record Result(
      String model,
      double accuracy,
      double valAccuracy,
      double testAccuracy,
      double secondsPerEpoch,
      String tutorial) {}

  private final Tensor xTrain;
  private final Tensor yTrain;
  private final Tensor xValid;
  private final Tensor yValid;
  private final Tensor xTest;
  private final Tensor yTest;
  private final int epochs;
  private final List<Result> results = new ArrayList<>();

  /**
   * Sets up the data and the number of epochs every model trains for.
   *
   * @param xTrain training inputs
   * @param yTrain training labels
   * @param xValid validation inputs
   * @param yValid validation labels
   * @param xTest test inputs
   * @param yTest test labels
   * @param epochs epochs per model
   */
  public Experiment(
      Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid, Tensor xTest, Tensor yTest,
      int epochs) {
    this.xTrain = xTrain;
    this.yTrain = yTrain;
    this.xValid = xValid;
    this.yValid = yValid;
    this.xTest = xTest;
    this.yTest = yTest;
    this.epochs = epochs;
  }

  /**
   * Trains a compiled model for the set number of epochs at batch 32 with the progress bar,
   * evaluates it on the validation set (printing Keras's line and the returned list) and, quietly,
   * on the test set, and records a row.
   *
   * @param label the row label
   * @param model a compiled model whose input shape matches the data
   * @param tutorial what the Keras tutorial reported for this model, or "-"
   * @return the row
   */
  public Result run(String label, Sequential model, String tutorial) {
    EpochTimer timer = new EpochTimer();
    History history = model.fit(shapedFor(model, xTrain), yTrain,
        new FitOptions().epochs(epochs).batchSize(32).callbacks(timer));
    double[] valid = model.evaluate(shapedFor(model, xValid), yValid);
    System.out.println(java.util.Arrays.toString(valid));
    double[] test =
        model.evaluate(shapedFor(model, xTest), yTest, new EvaluateOptions().verbose(0));
    Result r = new Result(label, history.last("accuracy"), valid[1], test[1],
        timer.medianSeconds(), tutorial);
    results.add(r);
    return r;
  }

  /**
   * Views images as a model expects them, e.g. {@code (n, 784)} rather than {@code (n, 28, 28)}.
   *
   * @param model a built model
   * @param x the images
   * @return the same data with the model's per-sample shape
   */
  public static Tensor shapedFor(Sequential model, Tensor x) {
    int[] sample = model.inputShape();
    int[] shape = new int[sample.length + 1];
    shape[0] = -1;
    System.arraycopy(sample, 0, shape, 1, sample.length);
    return x.reshape(shape);
  }

  /**
   * Returns the rows recorded so far.
   *
   * @return the results, in the order models ran
   */
  public List<Result> results() {
    return List.copyOf(results);
  }

  /**
   * Formats the rows as a Markdown table with the columns {@code model | accuracy |
   * val_accuracy | test_accuracy | s/epoch | tutorial}.
   *
   * @return the table, one line per row plus the header
   */
  public String markdownTable() {
    StringBuilder b = new StringBuilder();
    b.append("| model | accuracy | val_accuracy | test_accuracy | s/epoch | tutorial |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Result r : results) {
      b.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.2f | %s |%n",
          r.model(), r.accuracy(), r.valAccuracy(), r.testAccuracy(), r.secondsPerEpoch(),
          r.tutorial()));
    }
    return b.toString();
  }
}
