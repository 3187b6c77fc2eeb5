package dev.tensile.models;

import java.util.Locale;

/**
 * The options of {@link Sequential#evaluate} and {@link Sequential#predict}: batch size (default
 * 32) and verbosity (default "auto", i.e. 1).
 */
public final class EvaluateOptions {
  private int batchSize = 32;
  private int verbose = 1;

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
   * Sets the verbosity: 0 silent, 1 a progress bar, 2 one line (default 1).
   *
   * @param value 0, 1 or 2
   * @return these options
   */
  public EvaluateOptions verbose(int value) {
    verbose = checkVerbose(value);
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
   * @return 0, 1 or 2
   */
  public int verbose() {
    return verbose;
  }

  static int checkVerbose(int value) {
    if (value < 0 || value > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1, 2 or \"auto\", got " + value);
    }
    return value;
  }

  static int parseVerbose(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return 1;
    }
    try {
      return checkVerbose(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "verbose must be 0, 1, 2 or \"auto\", got \"" + value + "\"", e);
    }
  }
}
