package dev.tensile.callbacks;

/**
 * Where callbacks speak: messages to standard output, as Keras's {@code io_utils.print_msg}, and
 * warnings to standard error, as Python's {@code warnings.warn}.
 */
final class Console {
  private Console() {}

  /**
   * Prints a line to standard output and flushes it.
   *
   * @param message the text; a leading newline prints an empty line first, as in Keras
   */
  static void say(String message) {
    System.out.println(message);
    System.out.flush();
  }

  /**
   * Prints a warning line to standard error.
   *
   * @param message the text, after a {@code Warning: } prefix
   */
  static void warn(String message) {
    System.err.println("Warning: " + message);
    System.err.flush();
  }
}
