package dev.tensile.models;

import java.io.PrintStream;

/**
 * The options of {@link Sequential#evaluate} and {@link Sequential#predict}: batch size (default
 * 32), verbosity (default {@link Verbosity#AUTO}) and where the progress line goes (default
 * {@code System.out}).
 */
public final class EvaluateOptions {
  private int batchSize = 32;
  private Verbosity verbosity = Verbosity.AUTO;
  /** Null means standard output as it is when the call runs. */
  private PrintStream output;

  /** Makes the default options. */
  public EvaluateOptions() {}

  /**
   * Sets the batch size (default 32).
   *
   * @param value at least 1
   * @return these options
   */
  public EvaluateOptions batchSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + value);
    }
    batchSize = value;
    return this;
  }

  /**
   * Sets how much is printed (default {@link Verbosity#AUTO}, a progress bar).
   *
   * @param value the verbosity
   * @return these options
   * @throws IllegalArgumentException if the value is null
   */
  public EvaluateOptions verbose(Verbosity value) {
    verbosity = checkVerbosity(value);
    return this;
  }

  /**
   * Sets the verbosity by Keras's number: 0 silent, 1 a progress bar, 2 one line.
   *
   * @param value 0, 1 or 2
   * @return these options
   * @throws IllegalArgumentException for any other number
   */
  public EvaluateOptions verbose(int value) {
    return verbose(Verbosity.of(value));
  }

  /**
   * Sets where the progress line goes (default {@code System.out}).
   *
   * @param stream the stream
   * @return these options
   * @throws IllegalArgumentException if the stream is null
   */
  public EvaluateOptions output(PrintStream stream) {
    output = checkOutput(stream);
    return this;
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
   * Returns the verbosity.
   *
   * @return the verbosity
   */
  public Verbosity verbosity() {
    return verbosity;
  }

  /**
   * Returns where the progress line goes.
   *
   * @return the stream given to {@code output}, or else the current {@code System.out}
   */
  public PrintStream output() {
    return output != null ? output : System.out;
  }

  static Verbosity checkVerbosity(Verbosity value) {
    if (value == null) {
      throw new IllegalArgumentException("verbose must be a Verbosity, got null");
    }
    return value;
  }

  static PrintStream checkOutput(PrintStream stream) {
    if (stream == null) {
      throw new IllegalArgumentException("output must be a PrintStream, got null");
    }
    return stream;
  }
}
