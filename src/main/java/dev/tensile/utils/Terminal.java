package dev.tensile.utils;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * What Tensile needs to know about standard output: is it a terminal, can it show a character, how
 * wide is it.
 *
 * <p>Java 17 cannot ask a {@link java.io.PrintStream} for its charset, so the charset of standard
 * output is read from the {@code stdout.encoding} property (set by Java 19 and later, and by
 * launchers that pass it), then {@code sun.stdout.encoding} (set by Java on a Windows console),
 * then {@link Charset#defaultCharset()}.
 */
public final class Terminal {
  /** Columns assumed when the width is unknown, as Python's {@code shutil.get_terminal_size}. */
  public static final int DEFAULT_COLUMNS = 80;

  /** The widest summary table Keras draws for a Sequential model. */
  public static final int MAX_SUMMARY_LINE_LENGTH = 88;

  private Terminal() {}

  /**
   * Tells whether standard input and output are an interactive terminal.
   *
   * @return {@code System.console() != null}; false when output is a pipe or a file
   */
  public static boolean isInteractive() {
    return System.console() != null;
  }

  /**
   * The charset standard output is encoded with, as far as Java 17 can tell.
   *
   * @return the first valid charset named by {@code stdout.encoding} or {@code
   *     sun.stdout.encoding}, else the default charset
   */
  public static Charset stdoutCharset() {
    for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
      String name = System.getProperty(property);
      if (name != null) {
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          // An unusable name: fall through to the next source.
        }
      }
    }
    return Charset.defaultCharset();
  }

  /**
   * Tells whether standard output can encode {@code c}, the test Keras makes before drawing {@code
   * ━} (it draws {@code =} otherwise).
   *
   * @param c the character
   * @return true if {@link #stdoutCharset()} can encode it
   */
  public static boolean canEncode(char c) {
    return stdoutCharset().newEncoder().canEncode(c);
  }

  /**
   * The width of the terminal: the {@code COLUMNS} environment variable when it holds a positive
   * integer, else {@value #DEFAULT_COLUMNS} (Java cannot query the terminal itself).
   *
   * @return the number of columns
   */
  public static int columns() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int parsed = Integer.parseInt(columns.trim());
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // Not a number: use the default.
      }
    }
    return DEFAULT_COLUMNS;
  }

  /**
   * Keras's default summary width: {@code min(88, columns - 4)}, so 76 off a terminal.
   *
   * @return the line length for {@link SummaryTable#render}
   */
  public static int summaryLineLength() {
    return Math.min(MAX_SUMMARY_LINE_LENGTH, columns() - 4);
  }
}
