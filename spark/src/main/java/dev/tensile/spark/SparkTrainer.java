package dev.tensile.spark;

import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.data.Sample;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a compiled Tensile model on a Spark data set by synchronous parameter averaging.
 *
 * <p>Each epoch runs in rounds. In a round every partition's replica starts from the state the
 * driver broadcast (weights, optimizer state and step count), trains on the next {@link
 * SparkFitOptions#averagingPeriod} batches of its partition with the core's own {@code fit}, and
 * returns its state; {@code treeAggregate} sums the states weighted by the steps each replica took
 * ({@link PairwiseSum}: a fixed tree, so the result never depends on the order tasks finish in),
 * and the driver divides, installs the average in the model and broadcasts it again. Each
 * partition shuffles its own samples every epoch from the seed, so a run is repeated exactly for
 * the same seed, partitioning and period; with one partition the run is local training: the same
 * batches in the same order, so the same weights bit for bit.
 *
 * <p>The model travels to the executors once, as the bytes {@link Sequential#save} writes; each
 * round then moves only arrays. Callbacks and learning-rate schedules are not run; the returned
 * {@link History} holds loss and metrics per epoch (means over the replicas' batches) and, with
 * validation data, the averaged model's {@code val_} results.
 */
public final class SparkTrainer {
  private final SparkFitOptions options;
  private RunStats lastRun;

  /**
   * Makes a trainer with these options.
   *
   * @param options epochs, batch size, averaging period, seed, validation data
   */
  public SparkTrainer(SparkFitOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  /**
   * What the latest {@code fit} spent its time on.
   *
   * @param rounds averaging rounds run
   * @param seconds wall time of all rounds
   * @param computeSeconds the slowest replica's training time, summed over rounds
   * @param stateBytes bytes of one replica's state (weights plus optimizer state), what each
   *     round moves once to and once from every partition
   * @param partitions the number of partitions
   */
  public record RunStats(
      int rounds, double seconds, double computeSeconds, long stateBytes, int partitions) {
    /**
     * The time a round spends on anything but training: scheduling, shipping state, summing and
     * averaging.
     *
     * @return seconds per round
     */
    public double overheadPerRound() {
      return rounds == 0 ? 0 : (seconds - computeSeconds) / rounds;
    }
  }

  /**
   * Returns what the latest {@code fit} spent its time on.
   *
   * @return the figures, or null before any fit
   */
  public RunStats lastRun() {
    return lastRun;
  }

  /**
   * Spreads in-memory samples over partitions in stored order: partition {@code p} holds the
   * contiguous range {@code [p * n / partitions, (p + 1) * n / partitions)}, as {@code
   * parallelize} slices. The arrays travel once per executor as a broadcast, not inside every
   * task.
   *
   * @param sc the Spark context
   * @param x the inputs, shape {@code (n, ...)}
   * @param y the targets, {@code n} samples
   * @param partitions how many partitions, at least 1
   * @return the samples
   */
  public static JavaRDD<Sample> samples(JavaSparkContext sc, Tensor x, Tensor y, int partitions) {
    if (x.samples() != y.samples()) {
      throw new IllegalArgumentException(
          "x has " + x.samples() + " samples but y has " + y.samples());
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    int n = x.samples();
    int xs = x.sampleSize();
    int ys = y.sampleSize();
    Broadcast<float[]> xb = sc.broadcast(x.data());
    Broadcast<float[]> yb = sc.broadcast(y.data());
    List<Integer> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(p);
    }
    return sc.parallelize(parts, partitions).flatMap(p -> {
      int from = (int) ((long) p * n / partitions);
      int to = (int) ((long) (p + 1) * n / partitions);
      float[] xd = xb.value();
      float[] yd = yb.value();
      List<Sample> list = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        list.add(new Sample(Arrays.copyOfRange(xd, i * xs, (i + 1) * xs),
            Arrays.copyOfRange(yd, i * ys, (i + 1) * ys)));
      }
      return list.iterator();
    });
  }

  /**
   * Trains on the rows of a data frame: a numeric array column of features (flattened samples,
   * e.g. 784 pixels for a {@code (28, 28)} input) and a numeric or numeric-array target column.
   *
   * @param model a compiled model with a known input shape
   * @param rows the data
   * @param featuresColumn the features' column
   * @param targetColumn the targets' column
   * @return the history
   */
  public History fit(Sequential model, Dataset<Row> rows, String featuresColumn,
      String targetColumn) {
    return fit(model, RowSamples.of(rows, featuresColumn, targetColumn));
  }

  /**
   * Trains on samples, one replica per partition.
   *
   * @param model a compiled model with a known input shape; on return it holds the averaged
   *     weights and optimizer state
   * @param data the samples; its partitioning decides the replicas
   * @return the history
   * @throws IllegalStateException if the model is not compiled or not built
   * @throws IllegalArgumentException if a sample does not fit the model
   */
  public History fit(Sequential model, JavaRDD<Sample> data) {
    if (!model.isCompiled() || !model.isBuilt()) {
      throw new IllegalStateException(
          "SparkTrainer needs a compiled model with a known input shape (start it with an Input "
              + "or call build), got " + model);
    }
    int inputSize = Math.toIntExact(Shapes.size(model.inputShape()));
    int[] out = model.outputShape();
    int width = out[out.length - 1];
    int targetSize = data.first().targets().length;
    int[] targetShape = targetSize == 1 && width > 1 ? new int[0] : new int[] {targetSize};
    JavaRDD<Block> blocks = data.mapPartitionsWithIndex(
        (index, it) -> Collections.singletonList(Block.pack(index, it, inputSize, targetSize))
            .iterator(), true).persist(StorageLevel.MEMORY_ONLY());
    // Once packed, the blocks forget how they were made: every round's tasks would otherwise
    // carry the source's partitions, which for parallelized data hold the samples themselves.
    blocks.rdd().localCheckpoint();
    try {
      return run(model, blocks, targetShape);
    } finally {
      blocks.unpersist(false);
    }
  }

  private History run(Sequential model, JavaRDD<Block> blocks, int[] targetShape) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
    List<Integer> counts = blocks.map(b -> b.count).collect();
    int partitions = counts.size();
    int batchSize = options.batchSize();
    int maxSteps = 0;
    int totalSteps = 0;
    for (int c : counts) {
      int steps = (c + batchSize - 1) / batchSize;
      maxSteps = Math.max(maxSteps, steps);
      totalSteps += steps;
    }
    if (totalSteps == 0) {
      throw new IllegalArgumentException("the data set has no samples");
    }
    int roundsPerEpoch = (maxSteps + options.averagingPeriod() - 1) / options.averagingPeriod();
    long seed = options.seed() != null ? options.seed() : RandomSeed.next();
    List<String> metricNames = model.metricNames();
    String runId = UUID.randomUUID().toString();
    Broadcast<byte[]> modelBytes = sc.broadcast(Replicas.bytesOf(model));
    History history = new History();
    history.setParams(options.verbose(), options.epochs(), totalSteps);
    history.onTrainBegin(new Logs(List.of()));
    int rounds = 0;
    long wall = 0;
    long compute = 0;
    long stateBytes = 0;
    try {
      for (int epoch = 0; epoch < options.epochs(); epoch++) {
        ProgressBar bar = new ProgressBar(
            totalSteps, 2, options.out(), false, System::nanoTime);
        if (options.verbose() > 0 && options.epochs() > 1) {
          options.out().println("Epoch " + (epoch + 1) + "/" + options.epochs());
        }
        Partial epochTotal = null;
        for (int round = 0; round < roundsPerEpoch; round++) {
          long start = System.nanoTime();
          ModelState state = ModelState.of(model);
          stateBytes = state.bytes();
          Broadcast<ModelState> shipped = sc.broadcast(state);
          RoundTask task = new RoundTask(runId, modelBytes, shipped, model.inputShape(),
              targetShape, metricNames, epoch, round, options, seed);
          PairwiseSum sum = blocks.treeAggregate(
              new PairwiseSum(), task, PairwiseSum::merge, options.treeDepth());
          Partial total = sum.total(partitions);
          install(model, state, total);
          shipped.destroy();
          wall += System.nanoTime() - start;
          compute += total.maxComputeNanos;
          rounds++;
          total.state = null;
          total.single = null;
          epochTotal = epochTotal == null ? total : epochTotal.plus(total);
        }
        Logs logs = epochLogs(model, metricNames, epochTotal);
        history.onEpochEnd(epoch, logs);
        if (options.verbose() > 0) {
          bar.finish(logs.names(), logs.values());
        }
      }
    } finally {
      String id = runId;
      blocks.foreachPartition(it -> Replicas.release(id));
      Replicas.release(runId);
      modelBytes.destroy();
    }
    history.onTrainEnd(new Logs(List.of()));
    lastRun = new RunStats(rounds, wall / 1e9, compute / 1e9, stateBytes, partitions);
    return history;
  }

  /** Divides the step-weighted sums by the steps and puts the average into the driver's model. */
  private static void install(Sequential model, ModelState before, Partial total) {
    int nw = before.weights.length;
    float[][] weights = new float[nw][];
    float[][] slots = new float[before.slots.length][];
    double[][] sums = total.sums();
    for (int k = 0; k < sums.length; k++) {
      double[] s = sums[k];
      float[] avg = new float[s.length];
      for (int i = 0; i < s.length; i++) {
        avg[i] = (float) (s[i] / total.steps);
      }
      if (k < nw) {
        weights[k] = avg;
      } else {
        slots[k - nw] = avg;
      }
    }
    new ModelState(weights, before.shapes, slots, before.iterations + total.maxSteps)
        .applyTo(model);
  }

  private Logs epochLogs(Sequential model, List<String> metricNames, Partial total) {
    List<String> keys = new ArrayList<>();
    keys.add("loss");
    keys.addAll(metricNames);
    boolean validating = options.validationX() != null;
    if (validating) {
      keys.add("val_loss");
      for (String m : metricNames) {
        keys.add("val_" + m);
      }
    }
    Logs logs = new Logs(keys);
    logs.set("loss", total.lossSum / total.samples);
    for (int m = 0; m < metricNames.size(); m++) {
      logs.set(metricNames.get(m), total.metricSums[m] / total.samples);
    }
    if (validating) {
      double[] val = model.evaluate(options.validationX(), options.validationY(),
          new EvaluateOptions().batchSize(options.batchSize()).verbose(0));
      logs.set("val_loss", val[0]);
      for (int m = 0; m < metricNames.size(); m++) {
        logs.set("val_" + metricNames.get(m), val[m + 1]);
      }
    }
    return logs;
  }
}
