package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.benchmarks.BenchReport;
import dev.tensile.benchmarks.Result;
import dev.tensile.benchmarks.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark report of a quick run, which measures neither peers nor matrix products, and of a
 * peer comparison alone, which measures no training benchmark.
 */
class BenchReportTest {
  private static final String QUICK_RUN =
      report(
          Result.of("epoch_s", "tensile-vector-jdk17", "relu_adam_b32", 0.25),
          Result.of("accuracy", "tensile-vector-jdk17", "relu_adam_b32", 0.9));

  private static final String PEERS_ONLY =
      report(
          Result.of("peer_epoch_s", "tensile-vector-jdk17", "relu_adam_b32", 0.37),
          Result.of("peer_epoch_s", "keras-jax", "relu_adam_b32", 0.86));

  private static String report(Result... results) {
    return BenchReport.render(new Results(List.of(results)));
  }

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
    for (String report : List.of(QUICK_RUN, PEERS_ONLY)) {
      String[] lines = report.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("| ---") || lines[i].startsWith("| --- |")) {
          assertTrue(i + 1 < lines.length && lines[i + 1].startsWith("| "),
              "a table without rows before line " + (i + 2) + ":\n" + report);
        }
      }
    }
  }

  @Test
  void aPeerComparisonAloneSaysTheTrainingBenchmarkWasNotRun() {
    assertFalse(PEERS_ONLY.contains("| workload |\n| --- |\n\n"), PEERS_ONLY);
    assertTrue(PEERS_ONLY.contains("Not measured in this run."), PEERS_ONLY);
    assertTrue(PEERS_ONLY.contains("| relu_adam_b32 | 0.370 |"), PEERS_ONLY);
  }
}
