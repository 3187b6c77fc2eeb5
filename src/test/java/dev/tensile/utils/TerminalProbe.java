package dev.tensile.utils;

/** Prints what {@link Terminal} finds about this JVM's standard output, for {@link TerminalTest}. */
final class TerminalProbe {
  private TerminalProbe() {}

  /**
   * Prints {@code interactive=<bool> columns=<n>}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(
        "interactive=" + Terminal.isInteractive() + " columns=" + Terminal.columns());
  }
}
