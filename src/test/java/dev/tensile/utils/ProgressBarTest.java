package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected text is Keras 3's {@code Progbar} output for the same steps and times (ANSI codes
 * written out), checked against the Python source's arithmetic and formatting.
 */
class ProgressBarTest {
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String WHITE = "\u001b[37m";
  private static final String RESET = "\u001b[0m";
  private static final long MS = 1_000_000L;
  private static final List<String> NO_METRICS = List.of();
  private static final double[] NO_VALUES = {};

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private ProgressBar bar(long target, int verbose, boolean dynamic) {
    return new ProgressBar(target, verbose, out, dynamic, () -> now, ProgressBar.BAR_CHAR);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String cells(int n) {
    return "\u2501".repeat(n);
  }

  /**
   * Keras's coloured line: bold counter, the done cells in green (no green run at all when none is
   * done), the rest in white (an empty white run when all are done), bold time, then the rest.
   */
  private static String coloured(String counter, int done, String time, String rest) {
    String green = done > 0 ? GREEN + cells(done) + RESET : "";
    String white = WHITE + cells(20 - done) + RESET;
    return BOLD + counter + RESET + " " + green + white + " " + BOLD + time + RESET + " " + rest;
  }

  /** Runs a 1500-step epoch: step 1 ends at 2 ms, the epoch at 3.2 s. */
  private void runEpoch(ProgressBar bar, List<String> names, double[] values) {
    for (int step = 1; step <= 1500; step++) {
      now = step == 1 ? 2 * MS : 2 * MS + step * 2 * MS;
      bar.update(step, names, values);
    }
    now = 3200 * MS;
    bar.finish(names, values);
  }

  @Test
  void verboseOneOffTerminalPrintsOnlyTheFinishedLine() {
    List<String> names = List.of("accuracy", "loss");
    runEpoch(bar(1500, 1, false), names, new double[] {0.7424, 0.7773});

    assertEquals(
        "1500/1500 " + cells(20) + " 3s 2ms/step - accuracy: 0.7424 - loss: 0.7773\n", printed());
  }

  @Test
  void verboseTwoPrintsOneSummaryLine() {
    List<String> names = List.of("accuracy", "loss", "val_accuracy", "val_loss");
    runEpoch(bar(1500, 2, true), names, new double[] {0.7424, 0.7773, 0.8371, 0.4580});

    assertEquals(
        "1500/1500 - 3s - 2ms/step - accuracy: 0.7424 - loss: 0.7773"
            + " - val_accuracy: 0.8371 - val_loss: 0.4580\n",
        printed());
  }

  @Test
  void verboseTwoTestsTheSignedValueBeforeChoosingFixedPoint() {
    ProgressBar bar = bar(4, 2, false);
    now = 2500 * MS;
    bar.finish(List.of("a", "b", "c"), new double[] {-0.5, 0.0005, 0.5});

    // Elapsed 2.5 s rounds to even: "2s". Per step 2.5 / 4 = 0.625 s.
    assertEquals("4/4 - 2s - 625ms/step - a: -5.0000e-01 - b: 5.0000e-04 - c: 0.5000\n", printed());
  }

  @Test
  void verboseZeroPrintsNothing() {
    ProgressBar bar = bar(3, 0, true);
    for (int step = 1; step <= 3; step++) {
      now = step * 100 * MS;
      bar.update(step, List.of("loss"), new double[] {1.0});
    }
    bar.finish(List.of("loss"), new double[] {1.0});

    assertEquals("", printed());
  }

  @Test
  void dynamicDisplayRedrawsInPlaceWithThrottlingAndPadding() {
    ProgressBar bar = bar(10, 1, true);
    List<String> loss = List.of("loss");
    now = 100 * MS;
    bar.update(1, loss, new double[] {1.0});
    // 1 step of 10: 2 cells done; 100 ms per step; ETA 0.9 s. Visible width 55.
    String first = "\r" + coloured(" 1/10", 2, "0s", "100ms/step - loss: 1.0000");
    assertEquals(first, printed());

    now = 120 * MS; // 20 ms after the last draw: skipped
    bar.update(2, loss, new double[] {0.8});
    assertEquals(first, printed());

    now = 200 * MS; // (0.2 - 0.1) / 2 = 50 ms per step, ETA 0.35 s; one column narrower: padded
    bar.update(3, loss, new double[] {0.5});
    String second =
        "\b".repeat(55) + "\r" + coloured(" 3/10", 6, "0s", "50ms/step - loss: 0.5000") + " ";
    assertEquals(first + second, printed());

    now = 1000 * MS; // finish: elapsed instead of ETA, then a newline
    bar.finish(loss, new double[] {0.25});
    String last =
        "\b".repeat(54) + "\r" + coloured("10/10", 20, "1s", "100ms/step - loss: 0.2500") + "\n";
    assertEquals(first + second + last, printed());
  }

  @Test
  void redrawsAreAtLeastFiftyMillisecondsApartButTheFinishAlwaysDraws() {
    ProgressBar bar = bar(1000, 1, true);
    for (int step = 1; step <= 1000; step++) {
      now = step * 10 * MS;
      bar.update(step, NO_METRICS, NO_VALUES);
    }
    now += MS;
    bar.finish(NO_METRICS, NO_VALUES);

    String text = printed();
    // Draws at 10 ms, 60 ms, 110 ms, ..., 9960 ms (200 of them), then the finish.
    assertEquals(201, text.chars().filter(c -> c == '\r').count());
    assertEquals(1, text.chars().filter(c -> c == '\n').count());
    assertTrue(text.endsWith(" 10ms/step\n"), text);
  }

  @Test
  void etaWithHoursAndSecondsPerStepWhileRunning() {
    ProgressBar bar = bar(100000, 1, true);
    now = 1000 * MS;
    bar.update(1, List.of("loss"), new double[] {0.00015});

    String expected = coloured("     1/100000", 0, "27:46:39", "1s/step - loss: 1.5000e-04");
    assertEquals("\r" + expected, printed());
  }

  @Test
  void unknownTargetCountsStepsAndFinishesAtTheLastStepSeen() {
    ProgressBar bar = bar(ProgressBar.UNKNOWN_TARGET, 1, true);
    now = 500 * MS;
    bar.update(5, NO_METRICS, NO_VALUES);
    now = 1000 * MS;
    bar.finish(NO_METRICS, NO_VALUES);

    String running = "\r      5/Unknown " + BOLD + "0s" + RESET + " 100ms/step";
    String finished = "\b".repeat(29) + "\r" + coloured("5/5", 20, "1s", "200ms/step") + "\n";
    assertEquals(running + finished, printed());
  }

  @Test
  void byteCountDownloadBarTakesALongTarget() {
    ProgressBar bar = bar(26_421_880L, 1, false);
    for (long done = 8192; done < 26_421_880L; done += 8192) {
      now += 10_000;
      bar.update(done, NO_METRICS, NO_VALUES);
    }
    now = 300 * MS;
    bar.finish(NO_METRICS, NO_VALUES);

    assertEquals("26421880/26421880 " + cells(20) + " 0s 0us/step\n", printed());
  }

  @Test
  void asciiBarCharacterWhenTheOutputCannotEncodeTheBoxCharacter() {
    ProgressBar bar = new ProgressBar(313, 1, out, false, () -> now, ProgressBar.ASCII_BAR_CHAR);
    now = 313 * MS;
    bar.finish(List.of("loss"), new double[] {0.3586});

    assertEquals("313/313 " + "=".repeat(20) + " 0s 1ms/step - loss: 0.3586\n", printed());
  }

  @Test
  void defaultBarCharacterFollowsWhatStandardOutputCanEncode() {
    ProgressBar bar = new ProgressBar(1, 1, out, false, () -> now);
    bar.finish(NO_METRICS, NO_VALUES);

    char expected =
        Terminal.canEncode(ProgressBar.BAR_CHAR)
            ? ProgressBar.BAR_CHAR
            : ProgressBar.ASCII_BAR_CHAR;
    assertEquals("1/1 " + String.valueOf(expected).repeat(20) + " 0s 0s/step\n", printed());
  }

  @Test
  void offTerminalOutputHasNoControlCharacters() {
    ProgressBar bar = bar(50, 1, false);
    for (int step = 1; step <= 50; step++) {
      now = step * 100 * MS;
      bar.update(step, List.of("loss"), new double[] {0.5});
    }
    bar.finish(List.of("loss"), new double[] {0.5});

    String text = printed();
    assertFalse(text.contains("\r") || text.contains("\b") || text.contains("\u001b"), text);
  }

  @Test
  void toStdoutAtVerboseZeroStaysSilent() {
    PrintStream saved = System.out;
    System.setOut(out);
    try {
      ProgressBar bar = ProgressBar.toStdout(2, 0);
      bar.update(1, NO_METRICS, NO_VALUES);
      bar.finish(NO_METRICS, NO_VALUES);
    } finally {
      System.setOut(saved);
    }
    assertEquals("", printed());
  }

  @Test
  void etaFormats() {
    assertEquals("0s", ProgressBar.eta(0.9));
    assertEquals("59s", ProgressBar.eta(59.99));
    assertEquals("60s", ProgressBar.eta(60));
    assertEquals("1:00", ProgressBar.eta(60.5));
    assertEquals("1:01", ProgressBar.eta(61));
    assertEquals("60:00", ProgressBar.eta(3600));
    assertEquals("1:00:01", ProgressBar.eta(3601));
    assertEquals("2:02:05", ProgressBar.eta(7325.9));
  }

  @Test
  void perStepFormatsAndRoundsHalfToEven() {
    assertEquals("0s/step", ProgressBar.perStep(0));
    assertEquals("1s/step", ProgressBar.perStep(1.0));
    assertEquals("2s/step", ProgressBar.perStep(1.5));
    assertEquals("2s/step", ProgressBar.perStep(2.5));
    assertEquals("500ms/step", ProgressBar.perStep(0.5));
    // 0.0025 × 1000.0 is exactly 2.5 in binary: a tie, rounded to even.
    assertEquals("2ms/step", ProgressBar.perStep(0.0025));
    assertEquals("2ms/step", ProgressBar.perStep(0.0015));
    assertEquals("878us/step", ProgressBar.perStep(0.000878));
    assertEquals("2us/step", ProgressBar.perStep(0.0000025));
    assertEquals("0us/step", ProgressBar.perStep(1e-9));
  }

  @Test
  void elapsedSecondsRoundHalfToEven() {
    for (long[] caseMs : new long[][] {{500, 0}, {2500, 2}, {3500, 4}, {1499, 1}}) {
      bytes.reset();
      now = 0;
      ProgressBar bar = bar(1, 2, false);
      now = caseMs[0] * MS;
      bar.finish(NO_METRICS, NO_VALUES);
      assertTrue(printed().startsWith("1/1 - " + caseMs[1] + "s - "), printed());
    }
  }

  @Test
  void formatValueUsesFixedPointAboveOneThousandth() {
    assertEquals("0.7424", ProgressBar.formatValue(0.7424));
    assertEquals("1.0000e-04", ProgressBar.formatValue(1e-4));
    assertEquals("0.0000e+00", ProgressBar.formatValue(0.0));
    assertEquals("-0.0000e+00", ProgressBar.formatValue(-0.0));
    assertEquals("1.0000e-03", ProgressBar.formatValue(0.001));
    assertEquals("0.0010", ProgressBar.formatValue(0.0010001));
    assertEquals("-0.5000", ProgressBar.formatValue(-0.5));
    assertEquals("0.0312", ProgressBar.formatValue(0.03125));
    assertEquals("0.5678", ProgressBar.formatValue(0.56785));
    assertEquals("0.1235", ProgressBar.formatValue(0.12345));
    assertEquals("nan", ProgressBar.formatValue(Double.NaN));
    assertEquals("inf", ProgressBar.formatValue(Double.POSITIVE_INFINITY));
  }

  @Test
  void badArgumentsAreRejectedWithTheValue() {
    IllegalArgumentException verbose =
        assertThrows(IllegalArgumentException.class, () -> bar(10, 3, false));
    assertEquals("verbose must be 0, 1 or 2, got 3", verbose.getMessage());
    IllegalArgumentException target =
        assertThrows(IllegalArgumentException.class, () -> bar(-5, 1, false));
    assertEquals(
        "target must be a number of steps >= 1, or UNKNOWN_TARGET (0), got -5",
        target.getMessage());
    ProgressBar bar = bar(10, 1, false);
    IllegalArgumentException current =
        assertThrows(IllegalArgumentException.class, () -> bar.update(-1, NO_METRICS, NO_VALUES));
    assertEquals("current must be 0 or more, got -1", current.getMessage());
    IllegalArgumentException values =
        assertThrows(
            IllegalArgumentException.class,
            () -> bar.update(1, List.of("accuracy", "loss"), new double[] {0.5}));
    assertEquals(
        "values has 1 entries but names has 2; expected one value per name", values.getMessage());
  }
}
