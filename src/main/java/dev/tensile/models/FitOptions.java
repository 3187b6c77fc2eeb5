package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@link Sequential#fit}, with Keras's defaults: 1 epoch, batch size 32, shuffled,
 * verbose {@link Verbosity#AUTO}, printed to standard output. Set fluently: {@code new
 * FitOptions().epochs(5).batchSize(32)}. Each setter replaces the value set before, {@link
 * #callbacks(Callback...)} included; {@link #addCallback(Callback)} appends one.
 */
public final class FitOptions {
  private int epochs = 1;
  private int initialEpoch;
  private int batchSize = 32;
  private boolean shuffle = true;
  private Verbosity verbosity = Verbosity.AUTO;
  /** Null means standard output as it is when the call runs. */
  private PrintStream output;
  private Long seed;
  private double validationSplit;
  private Tensor validationX;
  private Tensor validationY;
  private final List<Callback> callbacks = new ArrayList<>();

  /** Makes the default options. */
  public FitOptions() {}

  /**
   * Sets the number of epochs (default 1); training runs epochs {@code initialEpoch .. epochs-1}.
   *
   * @param value at least 1
   * @return these options
   */
  public FitOptions epochs(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + value);
    }
    epochs = value;
    return this;
  }

  /**
   * Sets the epoch to start from (default 0), to resume an earlier run.
   *
   * @param value at least 0
   * @return these options
   */
  public FitOptions initialEpoch(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("initialEpoch must be at least 0, got " + value);
    }
    initialEpoch = value;
    return this;
  }

  /**
   * Sets the number of samples per gradient step (default 32); the last batch of an epoch may be
   * smaller.
   *
   * @param value at least 1
   * @return these options
   */
  public FitOptions batchSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + value);
    }
    batchSize = value;
    return this;
  }

  /**
   * Sets whether the training samples are shuffled before each epoch (default true).
   *
   * @param value false to visit samples in order
   * @return these options
   */
  public FitOptions shuffle(boolean value) {
    shuffle = value;
    return this;
  }

  /**
   * Sets how much {@code fit} prints (default {@link Verbosity#AUTO}, a progress bar).
   *
   * @param value the verbosity
   * @return these options
   * @throws IllegalArgumentException if the value is null
   */
  public FitOptions verbose(Verbosity value) {
    verbosity = EvaluateOptions.checkVerbosity(value);
    return this;
  }

  /**
   * Sets the verbosity by Keras's number: 0 silent, 1 a progress bar, 2 one line per epoch.
   *
   * @param value 0, 1 or 2
   * @return these options
   * @throws IllegalArgumentException for any other number
   */
  public FitOptions verbose(int value) {
    return verbose(Verbosity.of(value));
  }

  /**
   * Sets where the progress output goes (default {@code System.out}); the bar redraws in place
   * only on an interactive standard output. Callbacks' own messages still go to standard output.
   *
   * @param stream the stream, e.g. a {@code PrintStream} over a log file
   * @return these options
   * @throws IllegalArgumentException if the stream is null
   */
  public FitOptions output(PrintStream stream) {
    output = EvaluateOptions.checkOutput(stream);
    return this;
  }

  /**
   * Seeds this run's shuffling (default: a seed drawn from the global sequence); epoch {@code e}
   * is shuffled by a generator made from the seed and {@code e} alone.
   *
   * @param value the seed
   * @return these options
   */
  public FitOptions seed(long value) {
    seed = value;
    return this;
  }

  /**
   * Holds out the last fraction of the samples, before any shuffling, for validation after each
   * epoch (Keras's {@code validation_split}).
   *
   * @param fraction in [0, 1)
   * @return these options
   */
  public FitOptions validationSplit(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "validationSplit must be in [0, 1), got " + String.format(Locale.ROOT, "%s", fraction));
    }
    validationSplit = fraction;
    return this;
  }

  /**
   * Evaluates on this data after each epoch (Keras's {@code validation_data}); it overrides
   * {@link #validationSplit(double)}.
   *
   * @param x the validation inputs
   * @param y the validation targets
   * @return these options
   */
  public FitOptions validationData(Tensor x, Tensor y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("validationData needs both x and y");
    }
    validationX = x;
    validationY = y;
    return this;
  }

  /**
   * Sets the callbacks, replacing any set before, as Keras's {@code callbacks=[...]}; they are
   * called in the order given, before the model's own history and progress bar.
   *
   * @param list the callbacks; an empty array clears them
   * @return these options
   * @throws IllegalArgumentException if the array or an element is null; nothing changes then
   */
  public FitOptions callbacks(Callback... list) {
    if (list == null) {
      throw new IllegalArgumentException(
          "callbacks must not be null; pass an empty array to clear them");
    }
    for (int i = 0; i < list.length; i++) {
      if (list[i] == null) {
        throw new IllegalArgumentException("callbacks[" + i + "] is null");
      }
    }
    callbacks.clear();
    callbacks.addAll(List.of(list));
    return this;
  }

  /**
   * Appends one callback after those already set.
   *
   * @param callback the callback
   * @return these options
   * @throws IllegalArgumentException if the callback is null
   */
  public FitOptions addCallback(Callback callback) {
    if (callback == null) {
      throw new IllegalArgumentException("addCallback needs a callback, got null");
    }
    callbacks.add(callback);
    return this;
  }

  /**
   * Returns the number of epochs.
   *
   * @return epochs
   */
  public int epochs() {
    return epochs;
  }

  /**
   * Returns the first epoch.
   *
   * @return initialEpoch
   */
  public int initialEpoch() {
    return initialEpoch;
  }

  /**
   * Returns the batch size.
   *
   * @return batchSize
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Tells whether samples are shuffled.
   *
   * @return shuffle
   */
  public boolean shuffle() {
    return shuffle;
  }

  /**
   * Returns the verbosity.
   *
   * @return the verbosity
   */
  public Verbosity verbosity() {
    return verbosity;
  }

  /**
   * Returns where the progress output goes.
   *
   * @return the stream given to {@code output}, or else the current {@code System.out}
   */
  public PrintStream output() {
    return output != null ? output : System.out;
  }

  /**
   * Returns the shuffling seed.
   *
   * @return the seed, or null to draw one
   */
  public Long seed() {
    return seed;
  }

  /**
   * Returns the validation fraction.
   *
   * @return validationSplit
   */
  public double validationSplit() {
    return validationSplit;
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
   * Returns the callbacks.
   *
   * @return an unmodifiable list
   */
  public List<Callback> callbacks() {
    return List.copyOf(callbacks);
  }
}
