package dev.tensile.benchmarks;

/** Progress lines of a benchmark run, on standard error so standard output stays the report. */
public final class Progress {
  private Progress() {}

  /**
   * Prints one progress line.
   *
   * @param line the text
   */
  public static void say(String line) {
    System.err.println("[bench] " + line);
  }
}
