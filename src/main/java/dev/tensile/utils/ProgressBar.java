package dev.tensile.utils;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keras 3's progress bar, as {@code fit}, {@code evaluate} and {@code predict} draw it.
 *
 * <pre>
 * 1500/1500 ━━━━━━━━━━━━━━━━━━━━ 3s 2ms/step - accuracy: 0.7424 - loss: 0.7773
 * </pre>
 *
 * <p>Call {@link #update} after each step with the running metric values and {@link #finish} once
 * at the end; the clock starts when the bar is constructed (Keras makes one per epoch). What is
 * printed depends on {@code verbose}:
 *
 * <ul>
 *   <li><b>0</b>: nothing.
 *   <li><b>1, dynamic</b> (a terminal): every update redraws the line in place, at most every
 *       {@value #INTERVAL_NANOS} ns: {@code \b} × the previous visible width, then {@code \r}, then
 *       the line, padded with spaces when it is shorter than the previous one. The counter and the
 *       time are bold, the done cells of the bar green and the rest white (ANSI codes). While
 *       running the time is the ETA ({@code h:mm:ss}, {@code m:ss} or {@code Ns}); {@link #finish}
 *       always draws, shows the elapsed seconds instead and ends the line with {@code \n}.
 *   <li><b>1, not dynamic</b> (a pipe or a file): only the finished line, without control
 *       characters or colours, then {@code \n}. Keras on Linux writes its {@code \r} redraws into
 *       files too; Tensile deliberately keeps logs to one clean line per epoch.
 *   <li><b>2</b>: nothing per step; at the end {@code 1500/1500 - 3s - 2ms/step - accuracy:
 *       0.7424}.
 * </ul>
 *
 * <p>The time per step leaves out the first step, which includes warm-up: after step {@code c > 1}
 * it is {@code (now − end of step 1) / (c − 1)}, else {@code (now − start) / c}. It prints as
 * {@code %.0fs/step} when it is at least 1 s or exactly 0, {@code %.0fms/step} from 1 ms, else
 * {@code %.0fus/step}. Metric values print as {@link #formatValue}. Numbers round as Python does
 * (see {@link Formats}), so the text matches Keras character for character.
 *
 * <p>A target of {@link #UNKNOWN_TARGET} draws {@code %7d/Unknown} with no bar; {@link #finish}
 * then takes the last step seen as the target, as Keras's {@code ProgbarLogger} does. Drawing
 * builds its text in a buffer owned by the bar; an update that does not draw allocates nothing. Not
 * thread safe.
 */
public final class ProgressBar {
  /** Number of cells in the bar. */
  public static final int WIDTH = 20;

  /** Minimum time between two in-place redraws: Keras's {@code interval=0.05} seconds. */
  public static final long INTERVAL_NANOS = 50_000_000L;

  /** The cell character, U+2501 BOX DRAWINGS HEAVY HORIZONTAL. */
  public static final char BAR_CHAR = '\u2501';

  /** The cell character used when the output cannot encode {@link #BAR_CHAR}. */
  public static final char ASCII_BAR_CHAR = '=';

  /** Target for a bar whose number of steps is not known in advance (Keras's {@code None}). */
  public static final long UNKNOWN_TARGET = 0;

  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String WHITE = "\u001b[37m";
  private static final String RESET = "\u001b[0m";
  private static final char ESCAPE = '\u001b';
  private static final double NANOS_PER_SECOND = 1e9;

  private final int verbose;
  private final PrintStream out;
  private final boolean dynamic;
  private final LongSupplier nanoClock;
  private final char barChar;
  private final long start;
  private final StringBuilder text = new StringBuilder(160);

  private long target;
  private long seen;
  private boolean firstStepTimed;
  private long timeAfterFirstStep;
  private boolean drawn;
  private long lastDraw;
  private int previousWidth;

  /**
   * Creates a bar and starts its clock, drawing with {@link #BAR_CHAR} when standard output can
   * encode it ({@link Terminal#canEncode}) and {@link #ASCII_BAR_CHAR} otherwise.
   *
   * @param target number of steps (or bytes), or {@link #UNKNOWN_TARGET}
   * @param verbose 0 (silent), 1 (bar) or 2 (one line at the end)
   * @param out where to print; flushed after every print
   * @param dynamic true to redraw in place (a terminal), false for one finished line (a file)
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @throws IllegalArgumentException if {@code target} is negative or {@code verbose} is not 0, 1
   *     or 2
   * @throws NullPointerException if {@code out} or {@code nanoClock} is null
   */
  public ProgressBar(
      long target, int verbose, PrintStream out, boolean dynamic, LongSupplier nanoClock) {
    this(
        target,
        verbose,
        out,
        dynamic,
        nanoClock,
        Terminal.canEncode(BAR_CHAR) ? BAR_CHAR : ASCII_BAR_CHAR);
  }

  /**
   * Creates a bar that draws its cells with the given character and starts its clock.
   *
   * @param target number of steps (or bytes), or {@link #UNKNOWN_TARGET}
   * @param verbose 0 (silent), 1 (bar) or 2 (one line at the end)
   * @param out where to print; flushed after every print
   * @param dynamic true to redraw in place (a terminal), false for one finished line (a file)
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @param barChar the cell character, normally {@link #BAR_CHAR} or {@link #ASCII_BAR_CHAR}
   * @throws IllegalArgumentException if {@code target} is negative or {@code verbose} is not 0, 1
   *     or 2
   * @throws NullPointerException if {@code out} or {@code nanoClock} is null
   */
  public ProgressBar(
      long target,
      int verbose,
      PrintStream out,
      boolean dynamic,
      LongSupplier nanoClock,
      char barChar) {
    if (target < 0) {
      throw new IllegalArgumentException(
          "target must be a number of steps >= 1, or UNKNOWN_TARGET (0), got " + target);
    }
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
    }
    this.target = target;
    this.verbose = verbose;
    this.out = Objects.requireNonNull(out, "out");
    this.dynamic = dynamic;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.barChar = barChar;
    this.start = nanoClock.getAsLong();
  }

  /**
   * A bar on standard output: dynamic when it is a terminal, timed by {@link System#nanoTime}.
   *
   * @param target number of steps (or bytes), or {@link #UNKNOWN_TARGET}
   * @param verbose 0 (silent), 1 (bar) or 2 (one line at the end)
   * @return the bar, its clock started
   * @throws IllegalArgumentException if {@code target} is negative or {@code verbose} is not 0, 1
   *     or 2
   */
  public static ProgressBar toStdout(long target, int verbose) {
    return new ProgressBar(target, verbose, System.out, Terminal.isInteractive(), System::nanoTime);
  }

  /**
   * Records that step {@code current} has ended with the given running values, and redraws if the
   * bar is dynamic at verbose 1 and {@value #INTERVAL_NANOS} ns have passed since the last draw.
   *
   * @param current steps done so far, counted from 1 (or bytes so far)
   * @param names metric names in display order (Keras shows the sorted log keys); not modified
   * @param values {@code values[i]} is the value of {@code names.get(i)}; extra entries are
   *     ignored; not modified
   * @throws IllegalArgumentException if {@code current} is negative or {@code values} is shorter
   *     than {@code names}
   */
  public void update(long current, List<String> names, double[] values) {
    if (current < 0) {
      throw new IllegalArgumentException("current must be 0 or more, got " + current);
    }
    checkValues(names, values);
    seen = current;
    long now = nanoClock.getAsLong();
    double stepSeconds = stepSeconds(current, now);
    if (verbose == 1 && dynamic && (!drawn || now - lastDraw >= INTERVAL_NANOS)) {
      redraw(current, false, now, stepSeconds, names, values);
    }
  }

  /**
   * Draws the final line, with the elapsed time, and ends it with {@code \n}. The counter shows the
   * target (or, for an unknown target, the last step seen).
   *
   * @param names metric names in display order (Keras shows the sorted log keys); not modified
   * @param values {@code values[i]} is the value of {@code names.get(i)}; extra entries are
   *     ignored; not modified
   * @throws IllegalArgumentException if {@code values} is shorter than {@code names}
   */
  public void finish(List<String> names, double[] values) {
    checkValues(names, values);
    if (target == UNKNOWN_TARGET) {
      target = seen;
    }
    long now = nanoClock.getAsLong();
    double stepSeconds = stepSeconds(target, now);
    if (verbose == 1 && dynamic) {
      redraw(target, true, now, stepSeconds, names, values);
    } else if (verbose == 1) {
      text.setLength(0);
      appendLine(text, target, true, now, stepSeconds, names, values, false);
      print(text.append('\n'));
    } else if (verbose == 2 && target > 0) {
      text.setLength(0);
      text.append(counter(target)).append(" - ").append(elapsed(now));
      text.append(" - ").append(perStep(stepSeconds));
      appendMetrics(text, names, values, true);
      print(text.append('\n'));
    }
  }

  /**
   * Formats a metric value as Keras's bar does: {@code %.4f} when {@code |v| > 1e-3}, else {@code
   * %.4e}, rounded as Python rounds.
   *
   * @param v the value
   * @return for example "0.7424", "1.0000e-04", "0.0000e+00"
   */
  public static String formatValue(double v) {
    return Math.abs(v) > 1e-3 ? Formats.fixed(v, 4) : Formats.scientific(v, 4);
  }

  /**
   * Keras's ETA text: {@code h:mm:ss} above an hour, {@code m:ss} above a minute, else {@code Ns}.
   */
  static String eta(double seconds) {
    long whole = (long) seconds;
    if (seconds > 3600) {
      return String.format(
          Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60);
    }
    if (seconds > 60) {
      return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
    return whole + "s";
  }

  /** Keras's time-per-step text, such as "2ms/step", "878us/step" or "3s/step". */
  static String perStep(double seconds) {
    if (seconds >= 1 || seconds == 0) {
      return Formats.fixed(seconds, 0) + "s/step";
    }
    if (seconds >= 1e-3) {
      return Formats.fixed(seconds * 1000.0, 0) + "ms/step";
    }
    return Formats.fixed(seconds * 1000000.0, 0) + "us/step";
  }

  private String elapsed(long now) {
    return Formats.fixed(seconds(now - start), 0) + "s";
  }

  private double stepSeconds(long current, long now) {
    if (current == 0) {
      return 0;
    }
    double perStep =
        firstStepTimed && current > 1
            ? seconds(now - timeAfterFirstStep) / (current - 1)
            : seconds(now - start) / current;
    if (current == 1) {
      timeAfterFirstStep = now;
      firstStepTimed = true;
    }
    return perStep;
  }

  private void redraw(
      long current,
      boolean finished,
      long now,
      double stepSeconds,
      List<String> names,
      double[] values) {
    text.setLength(0);
    for (int i = 0; i < previousWidth; i++) {
      text.append('\b');
    }
    text.append('\r');
    int lineStart = text.length();
    appendLine(text, current, finished, now, stepSeconds, names, values, true);
    int width = visibleWidth(text, lineStart);
    for (int i = width; i < previousWidth; i++) {
      text.append(' ');
    }
    if (finished) {
      text.append('\n');
    }
    print(text);
    previousWidth = width;
    drawn = true;
    lastDraw = now;
  }

  private void appendLine(
      StringBuilder line,
      long current,
      boolean finished,
      long now,
      double stepSeconds,
      List<String> names,
      double[] values,
      boolean ansi) {
    if (target > 0) {
      appendStyled(line, counter(current), BOLD, ansi);
      line.append(' ');
      int done = (int) (WIDTH * ((double) current / target));
      String cell = String.valueOf(barChar);
      if (done > 0) {
        appendStyled(line, cell.repeat(done), GREEN, ansi);
      }
      appendStyled(line, cell.repeat(Math.max(0, WIDTH - done)), WHITE, ansi);
    } else {
      line.append(String.format(Locale.ROOT, "%7d/Unknown", current));
    }
    line.append(' ');
    String time = target > 0 && !finished ? eta(stepSeconds * (target - current)) : elapsed(now);
    appendStyled(line, time, BOLD, ansi);
    line.append(' ').append(perStep(stepSeconds));
    appendMetrics(line, names, values, false);
  }

  /** Appends " - name: value" per metric; verbose 2 tests {@code v > 1e-3} with its sign. */
  private static void appendMetrics(
      StringBuilder line, List<String> names, double[] values, boolean signedTest) {
    for (int i = 0; i < names.size(); i++) {
      double v = values[i];
      String value = signedTest && !(v > 1e-3) ? Formats.scientific(v, 4) : formatValue(v);
      line.append(" - ").append(names.get(i)).append(": ").append(value);
    }
  }

  private String counter(long current) {
    int digits = Long.toString(target).length();
    return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
  }

  private static void appendStyled(StringBuilder line, String s, String style, boolean ansi) {
    if (ansi) {
      line.append(style).append(s).append(RESET);
    } else {
      line.append(s);
    }
  }

  /** Characters from {@code from} on, not counting ANSI sequences {@code ESC [ ... m}. */
  private static int visibleWidth(CharSequence s, int from) {
    int width = 0;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == ESCAPE) {
        while (i < s.length() && s.charAt(i) != 'm') {
          i++;
        }
      } else {
        width++;
      }
    }
    return width;
  }

  private void print(CharSequence s) {
    out.print(s.toString());
    out.flush();
  }

  private static double seconds(long nanos) {
    return nanos / NANOS_PER_SECOND;
  }

  private static void checkValues(List<String> names, double[] values) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(values, "values");
    if (values.length < names.size()) {
      throw new IllegalArgumentException(
          "values has "
              + values.length
              + " entries but names has "
              + names.size()
              + "; expected one value per name");
    }
  }
}
