package dev.tensile.benchmarkreports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.benchmarks.PeerReport;
import dev.tensile.benchmarks.Result;
import dev.tensile.benchmarks.Results;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The report's comparison with the peers and its summary line, on made-up results. */
class PeerReportTest {
  private static Result epoch(String variant, String workload, double seconds) {
    return Result.of(PeerReport.EPOCH, variant, workload, seconds);
  }

  @Test
  void theSummaryNamesTheFastestPeerByItsMedianAndGivesItsTimeOverTensiles() {
    Results results =
        new Results(
            List.of(
                epoch("tensile-vector-jdk17", "relu_adam_b32", 0.30),
                epoch("pytorch-t1", "relu_adam_b32", 1.5),
                epoch("keras-jax", "relu_adam_b32", 0.6),
                epoch("keras-jax", "relu_adam_b32", 0.9),
                epoch("keras-jax", "relu_adam_b32", 0.75),
                epoch("keras-tensorflow", "relu_sgd_b32", 0.1)));
    assertEquals(
        "tensile-bench relu_adam_b32_epoch_s=0.300 fastest_peer=keras-jax"
            + " fastest_peer_relu_adam_b32_epoch_s=0.750 ratio=2.50 alloc_bytes_per_step=0",
        new PeerReport(results).summary(OptionalDouble.of(0)));
  }

  @Test
  void whatWasNotMeasuredIsNa() {
    Results results = new Results(List.of(epoch("tensile-vector-jdk17", "relu_adam_b32", 0.3)));
    assertEquals(
        "tensile-bench relu_adam_b32_epoch_s=0.300 fastest_peer=NA"
            + " fastest_peer_relu_adam_b32_epoch_s=NA ratio=NA alloc_bytes_per_step=NA",
        new PeerReport(results).summary(OptionalDouble.empty()));
  }

  @Test
  void theTableShowsRoundsAndTheRatioLineNamesThePeer() {
    Results results =
        new Results(
            List.of(
                epoch("tensile-vector-jdk17", "relu_sgd_b32", 0.2),
                epoch("pytorch-t1", "relu_sgd_b32", 0.5),
                epoch("pytorch-t1", "relu_sgd_b32", 0.7),
                epoch("pytorch-t1", "relu_sgd_b32", 0.6)));
    StringBuilder out = new StringBuilder();
    new PeerReport(results).epochs(out);
    String text = out.toString();
    assertTrue(text.contains("| relu_sgd_b32 | 0.200 | 0.600 (3 runs, 0.500-0.700) |"), text);
    assertTrue(text.contains("relu_sgd_b32 3.00x (pytorch-t1)"), text);
  }
}
