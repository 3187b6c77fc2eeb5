package dev.tensile.benchmarks;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.DatasetUnavailableException;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tensile's side of the comparison with the Python peers ({@code benchmarks/peers.py}): the
 * tutorial's relu model on the real Fashion-MNIST training set (60,000 images scaled to [0, 1];
 * 12,000 in a quick run) at batch 32, three epochs through {@code fit} at verbose 0, seconds per
 * epoch the median of epochs 2 and 3, exactly as the peers measure themselves.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp ... dev.tensile.benchmarks.PeerComparisonBenchmark \
 *     --results results.tsv --workloads relu_adam_b32,relu_rmsprop_b32 [--quick]
 * </pre>
 *
 * <p>Writes {@code peer_epoch_s} and {@code peer_accuracy} for the variant {@code
 * tensile-<engine>-jdk<N>}. Exits with status 3 if the engine asked for cannot run or a workload is
 * not one Tensile runs here, 4 if the dataset is not installed. Weights are seeded ({@link
 * RandomSeed}), so every run trains the same model.
 */
public final class PeerComparisonBenchmark {
  /** Images in a quick run: a fifth of the training set. */
  public static final int QUICK_SAMPLES = 12_000;

  /** Epochs per run: one warm-up, then the two whose median is reported. */
  public static final int EPOCHS = 3;

  /** Exit status when Fashion-MNIST is not installed. */
  public static final int NO_DATA = 4;

  private PeerComparisonBenchmark() {}

  /**
   * Runs the comparison workloads.
   *
   * @param args {@code --results FILE}, {@code --workloads NAMES} (model_optimizer_bBATCH, default
   *     {@code relu_adam_b32}), {@code --quick}
   */
  public static void main(String[] args) {
    Options options = new Options(args, java.util.Set.of("quick"), java.util.Set.of("results",
        "workloads"));
    MatrixEngine engine = TrainingBenchmark.engineOrExit();
    Dataset data;
    try {
      data = FashionMnist.loadData();
    } catch (DatasetUnavailableException e) {
      System.err.println("skipped: " + e.getMessage());
      System.exit(NO_DATA);
      return;
    }
    Tensor x = data.xTrain().div(255f);
    Tensor y = data.yTrain();
    if (options.flag("quick")) {
      x = x.rows(0, QUICK_SAMPLES);
      y = y.rows(0, QUICK_SAMPLES);
    }
    String variant = TrainingBenchmark.variantName(engine);
    RandomSeed.set(TrainingBenchmark.SEED);
    for (String name : options.get("workloads", "relu_adam_b32").split(",")) {
      Workload w;
      try {
        w = Workload.parse(name);
      } catch (IllegalArgumentException e) {
        System.err.println("skipped: " + e.getMessage());
        System.exit(TrainingBenchmark.ENGINE_UNAVAILABLE);
        return;
      }
      Sequential model = w.build();
      EpochTimer timer = new EpochTimer(EPOCHS);
      double accuracy =
          model
              .fit(
                  w.input(x),
                  y,
                  new FitOptions()
                      .epochs(EPOCHS)
                      .batchSize(w.batch())
                      .verbose(0)
                      .seed(TrainingBenchmark.SEED)
                      .callbacks(timer))
              .last("accuracy");
      double median = Stats.median(timer.secondsAfter(1));
      List<Result> out = new ArrayList<>();
      out.add(Result.of("peer_epoch_s", variant, name, median));
      out.add(Result.of("peer_accuracy", variant, name, accuracy));
      Result.append(options.results(), out);
      Progress.say(
          String.format(
              Locale.ROOT,
              "%s %s on %d real images: %.3f s/epoch (median of epochs 2-3), accuracy %.3f",
              variant,
              name,
              x.samples(),
              median,
              accuracy));
    }
  }
}
