package dev.tensile.spark;

import dev.tensile.callbacks.History;
import dev.tensile.data.DataSource;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.utils.Rng;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One round on one partition, run on an executor as {@code treeAggregate}'s sequence step: the
 * partition's replica takes the broadcast state, trains on the round's next {@code period}
 * batches of its epoch order with the core's own {@code fit}, and adds its result to the sum.
 */
final class RoundTask implements Function2<PairwiseSum, Block, PairwiseSum> {
  private static final long serialVersionUID = 1L;

  /** Spreads the partitions' shuffling seeds; partition 0 shuffles with the run's seed itself. */
  private static final long PARTITION_GAMMA = 0xD1B54A32D192ED03L;

  private final String run;
  private final Broadcast<byte[]> modelBytes;
  private final Broadcast<ModelState> state;
  private final int[] inputShape;
  private final int[] targetShape;
  private final List<String> metricNames;
  private final int epoch;
  private final int round;
  private final int batchSize;
  private final int period;
  private final boolean shuffle;
  private final long seed;

  RoundTask(String run, Broadcast<byte[]> modelBytes, Broadcast<ModelState> state,
      int[] inputShape, int[] targetShape, List<String> metricNames, int epoch, int round,
      SparkFitOptions options, long seed) {
    this.run = run;
    this.modelBytes = modelBytes;
    this.state = state;
    this.inputShape = inputShape;
    this.targetShape = targetShape;
    this.metricNames = List.copyOf(metricNames);
    this.epoch = epoch;
    this.round = round;
    this.batchSize = options.batchSize();
    this.period = options.averagingPeriod();
    this.shuffle = options.shuffle();
    this.seed = seed;
  }

  /**
   * The order of a partition's samples in an epoch. With one partition it is exactly the order
   * {@code fit} uses on the same tensors with the same seed.
   */
  static int[] epochOrder(int count, int partition, long seed, int epoch, boolean shuffle) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    if (shuffle) {
      new Rng(DataSource.epochSeed(seed + PARTITION_GAMMA * partition, epoch)).shuffle(order);
    }
    return order;
  }

  @Override
  public PairwiseSum call(PairwiseSum sum, Block block) {
    int steps = (block.count + batchSize - 1) / batchSize;
    int firstStep = round * period;
    int lastStep = Math.min(steps, firstStep + period);
    if (firstStep >= lastStep) {
      return sum.add(block.partition, Partial.of(null, 0, 0, 0, new double[metricNames.size()]));
    }
    Replicas.Replica replica = Replicas.get(run, block.partition, modelBytes.value());
    synchronized (replica) {
      if (replica.epoch != epoch) {
        replica.order = epochOrder(block.count, block.partition, seed, epoch, shuffle);
        replica.epoch = epoch;
      }
      long start = System.nanoTime();
      Sequential model = replica.model;
      state.value().applyTo(model);
      int from = firstStep * batchSize;
      int to = Math.min(block.count, lastStep * batchSize);
      History h = model.fit(
          new RoundSource(block, inputShape, targetShape, replica.order, from, to),
          new FitOptions().epochs(1).batchSize(batchSize).shuffle(false).verbose(0));
      double[] metrics = new double[metricNames.size()];
      for (int m = 0; m < metrics.length; m++) {
        metrics[m] = h.last(metricNames.get(m));
      }
      Partial p = Partial.of(
          ModelState.of(model), lastStep - firstStep, to - from, h.last("loss"), metrics);
      p.maxComputeNanos = System.nanoTime() - start;
      return sum.add(block.partition, p);
    }
  }
}
