package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.benchmarks.BenchReport;
import dev.tensile.benchmarks.Result;
import dev.tensile.benchmarks.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark report of a quick run, which measures neither peers nor matrix products. */
class BenchReportTest {
  private static final String QUICK_RUN =
      BenchReport.render(
          new Results(
              List.of(
                  Result.of("epoch_s", "tensile-vector-jdk17", "relu_adam_b32", 0.25),
                  Result.of("accuracy", "tensile-vector-jdk17", "relu_adam_b32", 0.9))));

  @Test
  void noSentenceEndsWithNothing() {
    assertFalse(QUICK_RUN.contains(":."), QUICK_RUN);
    assertFalse(QUICK_RUN.contains(": .") || QUICK_RUN.contains(":\n\n"), QUICK_RUN);
  }

  @Test
  void anUnmeasuredSectionSaysSoInsteadOfAnEmptyTable() {
    assertFalse(QUICK_RUN.contains("| product |"), QUICK_RUN);
    assertTrue(QUICK_RUN.contains("Not measured in this run."), QUICK_RUN);
  }

  @Test
  void everyTableHasARow() {
    String[] lines = QUICK_RUN.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("| ---") || lines[i].startsWith("| --- |")) {
        assertTrue(i + 1 < lines.length && lines[i + 1].startsWith("| "),
            "a table without rows before line " + (i + 2) + ":\n" + QUICK_RUN);
      }
    }
  }
}
