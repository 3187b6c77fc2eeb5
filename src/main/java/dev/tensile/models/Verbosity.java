package dev.tensile.models;

/**
 * How much {@code fit}, {@code evaluate} and {@code predict} print, Keras's {@code verbose}
 * argument: {@code "auto"}, 0, 1 or 2.
 */
public enum Verbosity {
  /** Keras's {@code "auto"}, the default: a progress bar, as {@link #PROGRESS_BAR}. */
  AUTO(1),
  /** Keras's 0: nothing is printed. */
  SILENT(0),
  /** Keras's 1: a progress bar, redrawn in place on a terminal. */
  PROGRESS_BAR(1),
  /** Keras's 2: one line per epoch ({@code evaluate} and {@code predict}: one line at the end). */
  ONE_LINE_PER_EPOCH(2);

  private final int level;

  Verbosity(int level) {
    this.level = level;
  }

  /**
   * Returns Keras's number for this setting; {@link #AUTO} gives 1.
   *
   * @return 0, 1 or 2
   */
  public int level() {
    return level;
  }

  /**
   * Returns the setting for Keras's number.
   *
   * @param level 0, 1 or 2
   * @return {@link #SILENT}, {@link #PROGRESS_BAR} or {@link #ONE_LINE_PER_EPOCH}
   * @throws IllegalArgumentException for any other number
   */
  public static Verbosity of(int level) {
    switch (level) {
      case 0:
        return SILENT;
      case 1:
        return PROGRESS_BAR;
      case 2:
        return ONE_LINE_PER_EPOCH;
      default:
        throw new IllegalArgumentException(
            "verbose must be 0, 1 or 2 (or a Verbosity), got " + level);
    }
  }
}
