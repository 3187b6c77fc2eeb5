package dev.tensile.data;

import dev.tensile.tensor.Tensor;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Samples that a training loop reads one batch at a time, Keras's {@code fit(dataset)} /
 * {@code PyDataset}. Each call of {@link #open} starts one epoch; a source may be opened any number
 * of times and yields the same samples each time, in its stored order or shuffled by the seed.
 *
 * <p>Every sample has inputs of {@link #inputShape()} and, for training and evaluation, targets of
 * {@link #targetShape()}: {@code []} for one class index per sample (Keras's sparse labels), or
 * e.g. {@code [10]} for one-hot rows. Implementations need not be thread-safe: one loop reads one
 * stream at a time.
 */
public interface DataSource {
  /** What {@link #size()} returns when the number of samples is not known before reading. */
  long UNKNOWN = -1;

  /**
   * Returns the shape of one sample's inputs.
   *
   * @return a copy of the per-sample shape, e.g. {@code [28, 28]}
   */
  int[] inputShape();

  /**
   * Returns the shape of one sample's targets.
   *
   * @return a copy of the per-sample shape, {@code []} for a class index, or null if this source
   *     has no targets (it can then only be predicted on)
   */
  int[] targetShape();

  /**
   * Returns the number of samples in one epoch.
   *
   * @return the count, or {@link #UNKNOWN}
   */
  long size();

  /**
   * Starts an epoch in the source's stored order.
   *
   * @param batchSize the most samples per batch; the last batch may be shorter
   * @return the epoch's batches
   * @throws java.io.UncheckedIOException if the data cannot be opened
   */
  BatchStream open(int batchSize);

  /**
   * Starts an epoch in an order shuffled by {@code seed}: the same seed gives the same order.
   * Sources that can read any sample shuffle all of them; streaming ones say how they shuffle.
   *
   * @param batchSize the most samples per batch; the last batch may be shorter
   * @param seed the seed of this epoch's order (see {@link #epochSeed})
   * @return the epoch's batches
   * @throws java.io.UncheckedIOException if the data cannot be opened
   */
  BatchStream open(int batchSize, long seed);

  /**
   * Derives the shuffling seed of one epoch from a run's seed, as {@code fit} does: each epoch's
   * order depends on the seed and the epoch number alone, so a run resumed with {@code
   * initialEpoch} shuffles exactly as an uninterrupted one.
   *
   * @param seed the run's seed
   * @param epoch the epoch, counted from 0
   * @return the seed to pass to {@link #open(int, long)}
   */
  static long epochSeed(long seed, int epoch) {
    return seed + 0x9E3779B97F4A7C15L * (epoch + 1);
  }

  /**
   * Serves in-memory inputs and targets; {@code fit(x, y)} trains through exactly this source.
   *
   * @param x the inputs, shape {@code (n, ...)}; not copied, not modified
   * @param y the targets, {@code n} samples; not copied, not modified
   * @return the source, of known size {@code n}; shuffling permutes all samples
   * @throws IllegalArgumentException if either is null or has no sample axis, or their sample
   *     counts differ
   */
  static DataSource of(Tensor x, Tensor y) {
    return new TensorSource(x, y);
  }

  /**
   * Serves the samples {@code [from, to)} of in-memory inputs and targets without copying them,
   * as {@code fit}'s {@code validationSplit} does.
   *
   * @param x the inputs, shape {@code (n, ...)}; not copied, not modified
   * @param y the targets, {@code n} samples; not copied, not modified
   * @param from the first sample
   * @param to one past the last sample
   * @return the source, of known size {@code to - from}
   * @throws IllegalArgumentException if the tensors do not match or the range is outside them
   */
  static DataSource of(Tensor x, Tensor y, int from, int to) {
    return new TensorSource(x, y, from, to);
  }

  /**
   * Serves in-memory inputs without targets, for {@code predict}.
   *
   * @param x the inputs, shape {@code (n, ...)}; not copied, not modified
   * @return the source, of known size {@code n}
   * @throws IllegalArgumentException if {@code x} is null or has no sample axis
   */
  static DataSource of(Tensor x) {
    return new TensorSource(x, null);
  }

  /**
   * Serves samples from the user's own iterator, made anew for each epoch, e.g. rows read from a
   * database. Its length is unknown; shuffling draws from a bounded buffer (see {@link
   * SampleSource#shuffleBuffer}).
   *
   * @param inputShape the shape of each sample's inputs
   * @param targetShape the shape of each sample's targets, {@code []} for a class index, or null
   *     for none
   * @param epoch makes one epoch's iterator; called by every {@code open}
   * @return the source; give it a size with {@link SampleSource#size(long)} if you know it
   */
  static SampleSource fromSamples(
      int[] inputShape, int[] targetShape, Supplier<? extends Iterator<Sample>> epoch) {
    return new SampleSource(inputShape, targetShape, epoch);
  }
}
