package dev.tensile.utils;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
   * Tells whether standard output is a terminal, the test Keras makes ({@code sys.stdout.isatty()})
   * before it redraws its progress bar in place. Standard input does not matter.
   *
   * <p>On Linux the answer comes from what {@code /proc/self/fd/1} links to: a terminal device
   * ({@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}) rather than a pipe, a file or a
   * socket. Elsewhere Java 17 can only tell whether both standard input and output are a terminal
   * ({@code System.console()}), so there a redirected standard input still counts as no terminal.
   *
   * @return true if standard output is a terminal
   */
  public static boolean isInteractive() {
    String stdout = stdoutTarget();
    return stdout != null ? isTerminalDevice(stdout) : consoleIsTerminal();
  }

  /** What standard output's file descriptor links to on Linux, or null where that is unknown. */
  private static String stdoutTarget() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  /**
   * Tells whether a file descriptor's link target is a terminal device.
   *
   * @param target what {@code /proc/self/fd/N} links to, e.g. {@code /dev/pts/0} or {@code
   *     pipe:[1234]}
   * @return true for pseudo-terminals, virtual consoles and the system console
   */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.matches("/dev/tty[0-9]*")
        || target.matches("/dev/tty[A-Za-z]+[0-9]+")
        || target.equals("/dev/console");
  }

  /** {@code System.console()} is a terminal; on Java 22 and later it exists even when it is not. */
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17 to 21: a console exists only on a terminal
    }
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
   * The width of the terminal, found as Python's {@code shutil.get_terminal_size} finds it: the
   * {@code COLUMNS} environment variable when it holds a positive integer; else, when standard
   * output is a terminal, the width {@code stty size} reports for it; else {@value
   * #DEFAULT_COLUMNS}.
   *
   * @return the number of columns
   */
  public static int columns() {
    int columns = positive(System.getenv("COLUMNS"));
    if (columns > 0) {
      return columns;
    }
    if (isInteractive()) {
      columns = sttyColumns();
      if (columns > 0) {
        return columns;
      }
    }
    return DEFAULT_COLUMNS;
  }

  /** Asks {@code stty} for the controlling terminal's width; 0 if it cannot tell. */
  private static int sttyColumns() {
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!stty.waitFor(2, TimeUnit.SECONDS)) {
        stty.destroyForcibly();
        return 0;
      }
      String[] rowsAndColumns = out.trim().split("\\s+");
      return rowsAndColumns.length == 2 ? positive(rowsAndColumns[1]) : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // no stty, no /dev/tty: the width is unknown
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static int positive(String text) {
    if (text == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Keras's default summary width: {@code min(88, columns - 4)}, so 76 off a terminal; never
   * narrower than the narrowest table Tensile can draw, {@link SummaryTable#MIN_LINE_LENGTH}.
   *
   * @return the line length for {@link SummaryTable#render}
   */
  public static int summaryLineLength() {
    return summaryLineLength(columns());
  }

  /**
   * Keras's summary width for a terminal of a given width.
   *
   * @param columns the terminal's width
   * @return {@code min(88, columns - 4)}, at least {@link SummaryTable#MIN_LINE_LENGTH}
   */
  static int summaryLineLength(int columns) {
    return Math.max(
        SummaryTable.MIN_LINE_LENGTH, Math.min(MAX_SUMMARY_LINE_LENGTH, columns - 4));
  }
}
