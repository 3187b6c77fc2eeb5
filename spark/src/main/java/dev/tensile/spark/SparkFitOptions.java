package dev.tensile.spark;

import dev.tensile.tensor.Tensor;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * Options of {@link SparkTrainer#fit}, set in chained calls like {@code FitOptions}: epochs, batch
 * size, the averaging period, the seed, validation data and verbosity.
 */
public final class SparkFitOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The averaging period unless {@link #averagingPeriod(int)} sets another: 32 steps. */
  public static final int DEFAULT_AVERAGING_PERIOD = 32;

  private int epochs = 1;
  private int batchSize = 32;
  private int averagingPeriod = DEFAULT_AVERAGING_PERIOD;
  private boolean shuffle = true;
  private Long seed;
  private int verbose = 1;
  private int treeDepth = 2;
  private transient Tensor validationX;
  private transient Tensor validationY;
  private transient PrintStream out;

  /** Makes the defaults: 1 epoch, batch 32, averaging every 32 steps, shuffled, verbose 1. */
  public SparkFitOptions() {}

  /**
   * Sets the number of epochs.
   *
   * @param value at least 1
   * @return these options
   */
  public SparkFitOptions epochs(int value) {
    epochs = atLeast("epochs", value, 1);
    return this;
  }

  /**
   * Sets the batch size each replica trains with.
   *
   * @param value at least 1
   * @return these options
   */
  public SparkFitOptions batchSize(int value) {
    batchSize = atLeast("batchSize", value, 1);
    return this;
  }

  /**
   * Sets how many steps each replica takes between two averagings (one round). Fewer means more
   * rounds, more bytes moved and more synchronisation, but replicas that drift apart less.
   *
   * @param steps at least 1
   * @return these options
   */
  public SparkFitOptions averagingPeriod(int steps) {
    averagingPeriod = atLeast("averagingPeriod", steps, 1);
    return this;
  }

  /**
   * Sets whether each partition shuffles its samples every epoch (from the seed).
   *
   * @param value true to shuffle
   * @return these options
   */
  public SparkFitOptions shuffle(boolean value) {
    shuffle = value;
    return this;
  }

  /**
   * Sets the seed that every partition's shuffling derives from; with the same seed,
   * partitioning and period a run is repeated exactly.
   *
   * @param value any long
   * @return these options
   */
  public SparkFitOptions seed(long value) {
    seed = value;
    return this;
  }

  /**
   * Sets what the driver prints: 0 nothing, 1 one Keras-style line per epoch.
   *
   * @param value 0 or 1
   * @return these options
   */
  public SparkFitOptions verbose(int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("verbose must be 0 or 1, got " + value);
    }
    verbose = value;
    return this;
  }

  /**
   * Sets the depth of Spark's aggregation tree; deeper trees spread the summing over more
   * executors when there are many partitions. The result does not depend on it.
   *
   * @param value at least 1
   * @return these options
   */
  public SparkFitOptions treeDepth(int value) {
    treeDepth = atLeast("treeDepth", value, 1);
    return this;
  }

  /**
   * Evaluates the averaged model on the driver after each epoch, adding {@code val_} entries.
   *
   * @param x the validation inputs
   * @param y the validation targets
   * @return these options
   */
  public SparkFitOptions validationData(Tensor x, Tensor y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("validationData needs both x and y");
    }
    validationX = x;
    validationY = y;
    return this;
  }

  /**
   * Sets where the per-epoch lines go (standard output unless set).
   *
   * @param stream the stream
   * @return these options
   */
  public SparkFitOptions printTo(PrintStream stream) {
    out = stream;
    return this;
  }

  /**
   * Returns the number of epochs.
   *
   * @return the epochs
   */
  public int epochs() {
    return epochs;
  }

  /**
   * Returns the batch size.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns the steps between averagings.
   *
   * @return the period
   */
  public int averagingPeriod() {
    return averagingPeriod;
  }

  /**
   * Returns whether partitions shuffle each epoch.
   *
   * @return true to shuffle
   */
  public boolean shuffle() {
    return shuffle;
  }

  /**
   * Returns the seed.
   *
   * @return the seed, or null for one drawn from {@code RandomSeed}
   */
  public Long seed() {
    return seed;
  }

  /**
   * Returns the verbosity.
   *
   * @return 0 or 1
   */
  public int verbose() {
    return verbose;
  }

  /**
   * Returns the aggregation tree's depth.
   *
   * @return the depth
   */
  public int treeDepth() {
    return treeDepth;
  }

  /**
   * Returns the validation inputs.
   *
   * @return the tensor, or null
   */
  public Tensor validationX() {
    return validationX;
  }

  /**
   * Returns the validation targets.
   *
   * @return the tensor, or null
   */
  public Tensor validationY() {
    return validationY;
  }

  /**
   * Returns where the per-epoch lines go.
   *
   * @return the stream
   */
  public PrintStream out() {
    return out == null ? System.out : out;
  }

  private static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
