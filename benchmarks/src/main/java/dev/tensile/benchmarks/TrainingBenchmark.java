package dev.tensile.benchmarks;

import dev.tensile.callbacks.History;
import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.vector.VectorEngine;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * End-to-end training through {@code fit} on synthetic Fashion-MNIST-shaped data: seconds per epoch
 * (median of the epochs after a warm-up epoch) for the tutorial's models and for the relu model
 * with Adam at batches 128 and 256, prediction throughput and the bytes one training step allocates
 * in steady state. The engine is the JVM's: {@code -Dtensile.engine=ejml|vector}, and for the
 * Vector API engine {@code -Dtensile.threads=N}; large-batch results are named by the thread count
 * ({@code relu_adam_b256_t2}).
 *
 * <p>Every {@code fit} runs at verbose 0 (no progress output) but with shuffling, the loss and the
 * accuracy metric computed every step, as with any other verbosity. Give each workload a JVM of its
 * own for figures that do not depend on what ran before: the JIT compiles shared code (the engine's
 * products above all) for the shapes and thread counts it has seen first.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -Dtensile.engine=vector -cp ... \
 *     dev.tensile.benchmarks.TrainingBenchmark --results results.tsv --workloads relu_adam_b32
 * </pre>
 *
 * <p>Options: {@code --results FILE} (appended to), {@code --quick} (4,800 samples, one timed
 * epoch), {@code --workloads relu_adam_b32,...} (default all but {@code cnn_adam_b32}, the
 * convolution chapter's model, which runs only when named), {@code --epochs N} timed epochs
 * (default 5), {@code --skip-extras} (no prediction or allocation runs, which otherwise follow
 * {@code relu_adam_b32}). Exits with status 3 if the engine asked for cannot run here.
 */
public final class TrainingBenchmark {
  /** The seed of the data and of every shuffle. */
  public static final long SEED = 1234;

  /** Exit status when the requested engine is not available in this JVM. */
  public static final int ENGINE_UNAVAILABLE = 3;

  private final Path results;
  private final String variant;
  private final Tensor images;
  private final Tensor labels;
  private final int timedEpochs;

  private TrainingBenchmark(Path results, String variant, SyntheticImages data, int timedEpochs) {
    this.results = results;
    this.variant = variant;
    this.images = data.images();
    this.labels = data.labels();
    this.timedEpochs = timedEpochs;
  }

  /**
   * Runs the benchmark.
   *
   * @param args see the class description
   */
  public static void main(String[] args) {
    Options options =
        new Options(args, Set.of("quick", "skip-extras"), Set.of("results", "workloads", "epochs"));
    MatrixEngine engine = engineOrExit();
    boolean quick = options.flag("quick");
    String variant = variantName(engine);
    int samples = quick ? SyntheticImages.TRAIN_SAMPLES / 10 : SyntheticImages.TRAIN_SAMPLES;
    long start = System.nanoTime();
    SyntheticImages data = new SyntheticImages(samples, SEED);
    Progress.say(variant + ": " + samples + " synthetic samples in " + since(start) + " s");
    int epochs = quick ? 1 : options.ints("epochs", "5").get(0);
    TrainingBenchmark bench = new TrainingBenchmark(options.results(), variant, data, epochs);
    Result.append(
        options.results(),
        List.of(
            new Result(
                "info",
                variant,
                "jvm",
                System.getProperty("java.vm.name")
                    + " "
                    + System.getProperty("java.runtime.version")),
            new Result("info", variant, "engine", engine.toString())));
    List<String> only = List.of(options.get("workloads", "all").split(","));
    Sequential reluAdam = null;
    for (Workload w : Workload.TUTORIAL) {
      if (only.contains("all") || only.contains(w.name())) {
        Sequential m = bench.timeEpochs(w, w.name());
        reluAdam = w.name().equals("relu_adam_b32") ? m : reluAdam;
      }
    }
    for (Workload w : Workload.LARGE_BATCHES) {
      if (only.contains("all") || only.contains(w.name())) {
        bench.timeEpochs(w, w.name() + "_t" + threads(engine));
      }
    }
    // The CNN's epoch is long: it runs only when named.
    for (Workload w : Workload.CNN) {
      if (only.contains(w.name())) {
        Sequential cnn = bench.timeEpochs(w, w.name() + "_t" + threads(engine));
        if (!options.flag("skip-extras")) {
          bench.countAllocation(cnn, w, quick);
        }
      }
    }
    if (reluAdam != null && !options.flag("skip-extras")) {
      bench.timePrediction(reluAdam);
      bench.countAllocation(reluAdam, Workload.TUTORIAL.get(3), quick);
    }
  }

  /**
   * Returns the JVM's engine, or ends the JVM with {@link #ENGINE_UNAVAILABLE} saying why it cannot
   * run here.
   */
  static MatrixEngine engineOrExit() {
    try {
      return Engines.current();
    } catch (IllegalStateException e) {
      System.err.println("skipped: " + e.getMessage());
      System.exit(ENGINE_UNAVAILABLE);
      throw e;
    }
  }

  /** Names who ran, e.g. {@code tensile-vector-jdk17}. */
  static String variantName(MatrixEngine engine) {
    return "tensile-" + engine.name() + "-jdk" + Runtime.version().feature();
  }

  private Sequential timeEpochs(Workload w, String item) {
    // Seeded weights too, so that every run of a workload trains the same model.
    RandomSeed.set(SEED);
    Sequential model = w.build();
    EpochTimer timer = new EpochTimer(1 + timedEpochs);
    History history =
        model.fit(w.input(images), labels, fitOptions(w.batch(), 1 + timedEpochs).callbacks(timer));
    double median = Stats.median(timer.secondsAfter(1));
    List<Result> out = new ArrayList<>();
    out.add(Result.of("epoch_s", variant, item, median));
    out.add(Result.of("accuracy", variant, item, history.last("accuracy")));
    Result.append(results, out);
    Progress.say(
        String.format(
            java.util.Locale.ROOT,
            "%s %s: %.3f s/epoch (median of %d), " + "accuracy %.3f",
            variant,
            item,
            median,
            timedEpochs,
            history.last("accuracy")));
    return model;
  }

  /** The threads an engine runs a large product on: EJML always uses the calling thread. */
  private static int threads(MatrixEngine engine) {
    return engine instanceof VectorEngine ? ((VectorEngine) engine).threads() : 1;
  }

  private void timePrediction(Sequential model) {
    EvaluateOptions options = new EvaluateOptions().batchSize(32).verbose(0);
    model.predict(images, options);
    double[] seconds = new double[3];
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      model.predict(images, options);
      seconds[i] = since(start);
    }
    double perSecond = images.samples() / Stats.median(seconds);
    Result.append(results, List.of(Result.of("predict_per_s", variant, "relu_b32", perSecond)));
    Progress.say(
        String.format(java.util.Locale.ROOT, "%s predict: %.0f samples/s", variant, perSecond));
  }

  private void countAllocation(Sequential model, Workload w, boolean quick) {
    if (!AllocationProbe.supported()) {
      Progress.say(variant + ": this JVM does not count allocated bytes per thread");
      return;
    }
    AllocationProbe probe = quick ? new AllocationProbe(10, 100) : new AllocationProbe(100, 1000);
    // A quick run's epochs are short: count in the fourth, once the JIT has compiled the kernels.
    model.fit(w.input(images), labels, fitOptions(32, quick ? 4 : 1).callbacks(probe));
    double perStep = probe.bytesPerStep();
    Result.append(
        results,
        List.of(
            Result.of("alloc_bytes_per_step", variant, w.name(), perStep),
            Result.of("alloc_probe_cost", variant, w.name(), AllocationProbe.readCost())));
    Progress.say(
        String.format(
            java.util.Locale.ROOT, "%s %s: %.1f bytes allocated per step", variant, w.name(),
            perStep));
  }

  private static FitOptions fitOptions(int batch, int epochs) {
    return new FitOptions().epochs(epochs).batchSize(batch).verbose(0).seed(SEED);
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Milliseconds from JVM start to now. */
  static long millisSinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
